package org.heard.triage.rules;

import org.heard.platform.HeldInMemory;
import org.heard.triage.pipeline.RuleBook;
import org.heard.triage.pipeline.RuleOutcome;
import org.heard.triage.pipeline.TriageSubject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The rule book in force: the enabled rules held in memory, so that a message costs no database
 * query. A change made here refreshes them as soon as it commits; a change made by another Heard
 * instance on the same database is noticed within {@code heard.triage.rules.refresh-interval} (the
 * audit trail's newest entry tells whether anything changed).
 */
@Component
class RuleEngine implements RuleBook, HeldInMemory {

    private static final Logger log = LoggerFactory.getLogger(RuleEngine.class);

    private final Rules rules;
    private final RuleAudit audit;
    private volatile @Nullable Loaded loaded;

    private record Loaded(RuleSet rules, long version) {}

    RuleEngine(Rules rules, RuleAudit audit) {
        this.rules = rules;
        this.audit = audit;
    }

    @Override
    public RuleOutcome apply(TriageSubject subject) {
        try {
            return current().apply(RuleInput.of(subject));
        } catch (RuntimeException e) {
            // The message must still reach the inbox; it is triaged as if no rule matched.
            log.error(
                    "Triage rules could not run for message {}",
                    subject.message().messageId(),
                    e);
            return RuleOutcome.NONE;
        }
    }

    @Override
    public void forget() {
        loaded = null;
    }

    @TransactionalEventListener
    void on(RulesChanged changed) {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read the changed triage rules; the next check tries again: {}", e.toString());
        }
    }

    @Scheduled(
            fixedDelayString = "${heard.triage.rules.refresh-interval:30s}",
            initialDelayString = "${heard.triage.rules.refresh-interval:30s}")
    void refreshIfChangedElsewhere() {
        try {
            var now = loaded;
            if (now == null || audit.version() != now.version()) {
                refresh();
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the triage rules for changes; keeping the ones in force: {}", e.toString());
        }
    }

    /** Reads the rules again. The version is read first, so a change racing this read is read next time. */
    synchronized void refresh() {
        var version = audit.version();
        var set = RuleSet.of(rules.all());
        loaded = new Loaded(set, version);
        log.info("{} triage rules in force", set.size());
    }

    private RuleSet current() {
        var now = loaded;
        if (now == null) {
            refresh();
            now = loaded;
        }
        return now == null ? RuleSet.EMPTY : now.rules();
    }
}
