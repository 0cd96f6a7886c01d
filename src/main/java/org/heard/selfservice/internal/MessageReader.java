package org.heard.selfservice.internal;

import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.heard.conversations.MessageReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the bot each customer message once it is stored and triaged, in a transaction of its own: nothing the bot
 * does can undo or hold back the message. Account lookups go to the company's system on a thread of their own, so
 * a slow system never delays the messages behind this one.
 */
@Component
class MessageReader {

    private static final Logger log = LoggerFactory.getLogger(MessageReader.class);

    private final Bot bot;
    private final AccountAnswers answers;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

    MessageReader(Bot bot, AccountAnswers answers, PlatformTransactionManager transactions) {
        this.bot = bot;
        this.answers = answers;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void received(MessageReceived message) {
        if (message.newConversation() && !message.text().contains("#")) {
            // Nothing for the bot: no command, and no conversation it could have spoken in.
            return;
        }
        Optional<Bot.AccountQuestion> owed = Optional.empty();
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                owed = ownTransaction.execute(status -> bot.read(message));
                break;
            } catch (OptimisticLockingFailureException e) {
                // An agent changed the conversation at the same moment; read it again.
                log.debug("Conversation {} changed while the bot read it", message.conversationId());
            } catch (RuntimeException e) {
                log.warn("Self-service left conversation {} to the team: {}", message.conversationId(), e.toString());
                return;
            }
        }
        owed.ifPresent(question -> lookups.execute(() -> answers.answer(question)));
    }

    @PreDestroy
    void stop() {
        lookups.shutdown();
    }
}
