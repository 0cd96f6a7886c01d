package org.heard.channels.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An SMTP server that answers one command the way a test asks (RFC 5321 §4.2 reply codes), and
 * everything else like a Postfix submission port would: what GreenMail, which takes every mail,
 * cannot show. A greeting that is not SMTP at all stands for something else listening on the port.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String greeting;
    private final Map<String, String> replies;

    private ScriptedSmtpServer(String greeting, Map<String, String> replies) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.greeting = greeting;
        this.replies = replies;
        Thread.ofVirtual().name("scripted-smtp").start(this::serve);
    }

    /** Answers the command ({@code MAIL}, {@code RCPT}, {@code DATA} for the end of the data) with {@code reply}. */
    static ScriptedSmtpServer answering(String command, String reply) throws IOException {
        return new ScriptedSmtpServer("220 smtp.heard.example ESMTP Postfix", Map.of(command, reply));
    }

    static ScriptedSmtpServer greeting(String greeting) throws IOException {
        return new ScriptedSmtpServer(greeting, Map.of());
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (var client = socket.accept()) {
                converse(client);
            } catch (IOException closed) {
                // the test is over, or the client hung up
            }
        }
    }

    private void converse(Socket client) throws IOException {
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        var out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        send(out, greeting);
        if (!greeting.startsWith("220")) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            var command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO" -> send(out, "250-smtp.heard.example\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                case "AUTH" -> {
                    if (line.strip().equalsIgnoreCase("AUTH PLAIN")) {
                        send(out, "334 ");
                        in.readLine();
                    }
                    send(out, "235 2.7.0 Authentication successful");
                }
                case "MAIL", "RCPT" -> send(out, replies.getOrDefault(command, "250 2.1.0 Ok"));
                case "DATA" -> {
                    send(out, "354 End data with <CR><LF>.<CR><LF>");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the mail itself is not what these tests look at
                    }
                    send(out, replies.getOrDefault("DATA", "250 2.0.0 Ok: queued as 4F3B2C1A2B"));
                }
                case "QUIT" -> {
                    send(out, "221 2.0.0 Bye");
                    return;
                }
                default -> send(out, "250 2.0.0 Ok");
            }
        }
    }

    private static void send(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
