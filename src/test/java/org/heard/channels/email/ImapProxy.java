package org.heard.channels.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands between Heard and GreenMail's IMAP server, to show what GreenMail cannot: a server that does
 * not offer IDLE (the word is taken out of its CAPABILITY answers) and connections that drop.
 */
final class ImapProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int target;
    private final boolean hideIdle;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Socket> upstreams = new CopyOnWriteArrayList<>();

    private ImapProxy(int target, boolean hideIdle) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.hideIdle = hideIdle;
        Thread.ofVirtual().start(this::accept);
    }

    static ImapProxy to(int imapPort) throws IOException {
        return new ImapProxy(imapPort, false);
    }

    static ImapProxy withoutIdle(int imapPort) throws IOException {
        return new ImapProxy(imapPort, true);
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Drops every open connection on Heard's side, as a NAT or a restarted server does; new ones are
     * still accepted. GreenMail's side ends its IDLE and logs out, as GreenMail fails a test whose
     * client vanished mid-command.
     */
    void cut() {
        clients.forEach(ImapProxy::quietly);
        clients.clear();
        for (var upstream : upstreams) {
            try {
                var out = upstream.getOutputStream();
                out.write("DONE\r\nproxy1 LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                quietly(upstream);
            }
        }
        upstreams.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                var upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                clients.add(client);
                upstreams.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, false, false));
                Thread.ofVirtual().start(() -> pump(upstream, client, hideIdle, true));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Copies line by line; GreenMail's side is only closed by GreenMail, after a LOGOUT. */
    private static void pump(Socket from, Socket to, boolean hideIdle, boolean fromServer) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            var line = new ByteArrayOutputStream();
            boolean writing = true;
            int b;
            while ((b = in.read()) != -1) {
                line.write(b);
                if (b == '\n') {
                    var text = line.toString(StandardCharsets.ISO_8859_1);
                    if (hideIdle && text.contains("CAPABILITY")) {
                        text = text.replace(" IDLE", "");
                    }
                    line.reset();
                    if (!writing) {
                        continue;
                    }
                    try {
                        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    } catch (IOException e) {
                        if (!fromServer) {
                            return;
                        }
                        writing = false;
                    }
                }
            }
        } catch (IOException e) {
            // Heard's side closed.
        } finally {
            quietly(from);
            if (fromServer) {
                quietly(to);
            }
        }
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closed already.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        clients.forEach(ImapProxy::quietly);
    }
}
