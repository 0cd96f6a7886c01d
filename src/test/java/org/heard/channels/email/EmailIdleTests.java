package org.heard.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.heard.channels.email.EmailConnectorContractTests.MAILBOX;
import static org.heard.channels.email.EmailConnectorContractTests.PASSWORD;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.heard.channels.ChannelAccount;
import org.heard.channels.InboundDelivery;
import org.heard.channels.SendFailed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** IMAP IDLE tells a poll when to read; the poll still reads everything, so nothing hangs on IDLE. */
class EmailIdleTests {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, MAILBOX, PASSWORD));

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration CHECK = Duration.ofSeconds(2);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private EmailConnector connector = idling(INTERVAL, IdleWatches.RENEW_AFTER);

    @AfterEach
    void closeConnections() {
        connector.close();
    }

    private static EmailConnector idling(Duration interval, Duration renewAfter) {
        return new EmailConnector(
                new EmailSettings(interval, Duration.ofSeconds(5), 50, Duration.ofDays(7), CHECK), renewAfter);
    }

    private static ChannelAccount account(int imapPort) {
        return EmailConnectorContractTests.account(imapPort, mail.getSmtp().getPort());
    }

    private IdleWatches.Watch liveWatch(ChannelAccount account) {
        await().atMost(WAIT)
                .until(() -> connector.idle(account) != null
                        && connector.idle(account).live());
        return Objects.requireNonNull(connector.idle(account));
    }

    @Test
    void aMailDeliveredWhileIdlingIsReadByTheNextPollAtOnce() throws SendFailed {
        var account = account(mail.getImap().getPort());
        var start = connector.poll(account, null).cursor();
        var watch = liveWatch(account);

        var quiet = connector.poll(account, start);
        deliver("message.eml");
        await().atMost(WAIT).until(watch::arrived);
        var poll = connector.poll(account, start);

        assertThat(quiet.deliveries()).isEmpty();
        assertThat(quiet.cursor()).isEqualTo(start);
        assertThat(quiet.next()).isEqualTo(CHECK);
        assertThat(poll.deliveries())
                .extracting(InboundDelivery::externalId)
                .containsExactly("<CAMx4471+kP3Gz=QwT9@mail.gmail.com>");
        assertThat(poll.next()).isEqualTo(CHECK);
        assertThat(watch.arrived()).isFalse();
    }

    @Test
    void aServerWithoutIdleIsPolledAtTheInterval() throws Exception {
        try (var proxy = ImapProxy.withoutIdle(mail.getImap().getPort())) {
            var account = account(proxy.port());
            var start = connector.poll(account, null).cursor();
            await().atMost(WAIT)
                    .until(() -> Objects.requireNonNull(connector.idle(account)).unsupported());
            deliver("message.eml");

            var poll = connector.poll(account, start);

            assertThat(poll.deliveries()).hasSize(1);
            assertThat(poll.next()).isEqualTo(INTERVAL);
            assertThat(connector.idle(account).live()).isFalse();
        }
    }

    @Test
    void withIdleSwitchedOffTheMailboxIsPolledAtTheInterval() throws SendFailed {
        connector.close();
        connector = new EmailConnector(EmailConnectorContractTests.settings());
        var account = account(mail.getImap().getPort());
        var start = connector.poll(account, null).cursor();
        deliver("message.eml");

        var poll = connector.poll(account, start);

        assertThat(poll.deliveries()).hasSize(1);
        assertThat(poll.next()).isEqualTo(INTERVAL);
        assertThat(connector.idle(account)).isNull();
    }

    @Test
    void aDroppedIdleConnectionIsOpenedAgainByALaterPoll() throws Exception {
        connector.close();
        connector = idling(Duration.ofSeconds(1), IdleWatches.RENEW_AFTER);
        try (var proxy = ImapProxy.to(mail.getImap().getPort())) {
            var account = account(proxy.port());
            var start = connector.poll(account, null).cursor();
            var dropped = liveWatch(account);

            proxy.cut();
            await().atMost(WAIT).until(dropped::ended);
            assertThat(dropped.live()).isFalse();
            await().atMost(WAIT).until(() -> {
                connector.poll(account, start);
                var watch = connector.idle(account);
                return watch != dropped && watch != null && watch.live();
            });
            var reopened = connector.idle(account);
            deliver("message.eml");

            await().atMost(WAIT).until(reopened::arrived);
            assertThat(connector.poll(account, start).deliveries()).hasSize(1);
        }
    }

    @Test
    void aLongIdleIsRenewedOnTheSameConnection() throws SendFailed {
        connector.close();
        connector = idling(INTERVAL, Duration.ofMillis(100));
        var account = account(mail.getImap().getPort());
        var start = connector.poll(account, null).cursor();
        var watch = liveWatch(account);
        var first = watch.idlingSince();

        await().atMost(WAIT).until(() -> {
            connector.poll(account, start);
            var since = watch.idlingSince();
            return since != null && since.isAfter(first);
        });
        deliver("message.eml");

        await().atMost(WAIT).until(watch::arrived);
        assertThat(connector.idle(account)).isSameAs(watch);
        assertThat(connector.poll(account, start).deliveries()).hasSize(1);
    }

    @Test
    void shutdownLogsOutOfTheIdleConnection() throws SendFailed {
        var account = account(mail.getImap().getPort());
        connector.poll(account, null);
        var watch = liveWatch(account);

        connector.close();

        assertThat(watch.ended()).isTrue();
        assertThat(watch.live()).isFalse();
        assertThat(connector.idle(account)).isNull();
    }

    private static void deliver(String fixture) {
        EmailConnectorContractTests.deliver(
                mail, EmailConnectorTests.fixture(fixture).getBytes(StandardCharsets.UTF_8));
    }
}
