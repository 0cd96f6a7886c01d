package org.heard.channels.webchat;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.channels.ChannelAccount;
import org.heard.platform.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a visitor their chat by email when they ask. Offered only when Heard has a mail server
 * ({@code spring.mail.host}) and a from address ({@code heard.channels.webchat.transcript-from}); a
 * visitor may ask once every few minutes, so the widget cannot be used to send mail in bulk.
 */
@Component
class TranscriptMail {

    static final Duration BETWEEN_REQUESTS = Duration.ofMinutes(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final @Nullable JavaMailSender mail;
    private final String from;
    private final ZoneId zone;
    private final Clock clock;
    private final Transcripts transcripts;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();

    TranscriptMail(
            ObjectProvider<JavaMailSender> mail,
            Transcripts transcripts,
            Clock clock,
            @Value("${heard.channels.webchat.transcript-from:}") String from,
            @Value("${heard.channels.webchat.transcript-zone:UTC}") String zone) {
        this.mail = mail.getIfAvailable();
        this.transcripts = transcripts;
        this.clock = clock;
        this.from = from.strip();
        this.zone = ZoneId.of(zone);
    }

    boolean offered() {
        return mail != null && !from.isEmpty();
    }

    /** Sends the transcript; answers how long the visitor must wait first, or zero once it is sent. */
    Duration send(ChannelAccount account, String visitor, String address) {
        if (!offered()) {
            throw new IllegalStateException("This chat cannot send emails; the team has not set up a mail server.");
        }
        var to = address(address);
        var now = clock.instant();
        var previous = lastSent.get(account.key() + "/" + visitor);
        if (previous != null && previous.plus(BETWEEN_REQUESTS).isAfter(now)) {
            return Duration.between(now, previous.plus(BETWEEN_REQUESTS));
        }
        var lines = transcripts.lines(account.externalId(), visitor, null);
        if (lines.isEmpty()) {
            throw new Refused("There is nothing in this chat to send yet.");
        }
        var text = new StringBuilder("Your chat with " + account.name() + "\n\n");
        for (var line : lines) {
            var who = line.side() == Transcripts.Side.TEAM ? account.name() : "You";
            text.append(who)
                    .append(" (")
                    .append(TIME.format(line.at().atZone(zone)))
                    .append("):\n")
                    .append(line.text())
                    .append("\n\n");
        }
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject("Your chat with " + account.name());
        message.setText(text.toString());
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new IllegalStateException("The email could not be sent just now; try again in a few minutes.", e);
        }
        lastSent.put(account.key() + "/" + visitor, now);
        return Duration.ZERO;
    }

    private static String address(String address) {
        try {
            var parsed = new InternetAddress(address == null ? "" : address.strip(), true);
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new Refused("'" + address + "' is not an email address.");
        }
    }
}
