package org.heard.channels.email;

import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.heard.channels.ConnectionFailed;
import org.heard.channels.CredentialField;
import org.heard.channels.Credentials;

/**
 * One mailbox's servers and login, read from its account's credentials. With TLS, IMAP runs over
 * implicit TLS (IMAPS) and SMTP over implicit TLS on port 465, or with STARTTLS required on any other
 * port (RFC 8314); certificates and host names are always checked.
 */
record Mailbox(
        String imapHost,
        int imapPort,
        String username,
        String password,
        String smtpHost,
        int smtpPort,
        InternetAddress address,
        boolean tls) {

    static final String IMAP_HOST = "imapHost";
    static final String IMAP_PORT = "imapPort";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String SMTP_HOST = "smtpHost";
    static final String SMTP_PORT = "smtpPort";
    static final String FROM = "fromAddress";
    static final String TLS = "useTls";

    static List<CredentialField> fields() {
        return List.of(
                CredentialField.plain(
                        IMAP_HOST,
                        "IMAP server",
                        "Your mail provider's incoming (IMAP) server, such as imap.example.com."),
                CredentialField.plain(IMAP_PORT, "IMAP port", "993 with TLS; 143 without."),
                CredentialField.plain(USERNAME, "Username", "The mailbox's login, often its address."),
                CredentialField.secret(
                        PASSWORD,
                        "Password",
                        "The mailbox's password, or an app password where the provider asks for one (Gmail, Outlook)."),
                CredentialField.plain(
                        SMTP_HOST,
                        "SMTP server",
                        "Your mail provider's outgoing (SMTP) server, such as smtp.example.com."),
                CredentialField.plain(SMTP_PORT, "SMTP port", "465 for TLS, 587 for STARTTLS."),
                CredentialField.plain(FROM, "From address", "The address customers write to and replies come from."),
                CredentialField.plain(
                        TLS,
                        "Use TLS",
                        "true (the default) or false; only a server on this machine should go without."));
    }

    static Mailbox of(Credentials credentials) {
        InternetAddress address;
        try {
            address = new InternetAddress(credentials.get(FROM), true);
        } catch (AddressException e) {
            throw new ConnectionFailed("The from address is not a mail address.");
        }
        return new Mailbox(
                credentials.get(IMAP_HOST),
                port(credentials, IMAP_PORT, "IMAP"),
                credentials.get(USERNAME),
                credentials.get(PASSWORD),
                credentials.get(SMTP_HOST),
                port(credentials, SMTP_PORT, "SMTP"),
                address,
                !"false".equalsIgnoreCase(credentials.find(TLS).orElse("true")));
    }

    private static int port(Credentials credentials, String field, String server) {
        try {
            int port = Integer.parseInt(credentials.get(field));
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new ConnectionFailed("The " + server + " port must be a number from 1 to 65535.");
    }

    /** The mailbox's address in lower case, as Heard names the account. */
    String addressText() {
        return address.getAddress().toLowerCase(Locale.ROOT);
    }

    String domain() {
        var at = address.getAddress().lastIndexOf('@');
        return address.getAddress().substring(at + 1).toLowerCase(Locale.ROOT);
    }

    String imapProtocol() {
        return tls ? "imaps" : "imap";
    }

    String smtpProtocol() {
        return tls && smtpPort == 465 ? "smtps" : "smtp";
    }

    Session imapSession(Duration timeout) {
        var properties = timeouts(imapProtocol(), timeout);
        // BODY.PEEK: reading a mail must not mark it read, even on a server that would in a read-only INBOX.
        properties.put("mail." + imapProtocol() + ".peek", "true");
        if (tls) {
            properties.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return Session.getInstance(properties);
    }

    Session smtpSession(Duration timeout) {
        var protocol = smtpProtocol();
        var properties = timeouts(protocol, timeout);
        properties.put("mail." + protocol + ".auth", "true");
        if (tls) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            if (protocol.equals("smtp")) {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
        }
        return Session.getInstance(properties);
    }

    private static Properties timeouts(String protocol, Duration timeout) {
        var properties = new Properties();
        var millis = String.valueOf(timeout.toMillis());
        properties.put("mail." + protocol + ".connectiontimeout", millis);
        properties.put("mail." + protocol + ".timeout", millis);
        properties.put("mail." + protocol + ".writetimeout", millis);
        // Headers as real mail writes them, which is not always as the RFCs ask.
        properties.put("mail.mime.address.strict", "false");
        return properties;
    }

    @Override
    public String toString() {
        return "Mailbox[" + addressText() + ", imap " + imapHost + ":" + imapPort + ", smtp " + smtpHost + ":"
                + smtpPort + ", password hidden]";
    }
}
