package org.heard.triage.rules;

import org.heard.platform.Refused;

/**
 * A rule that cannot be saved or tried as written: no name, no condition or action, a pattern that is not RE2, a tag,
 * queue, priority or colleague Heard does not know. The message names the part and how to fix it.
 */
class RuleInvalid extends Refused {

    RuleInvalid(String reason) {
        super(reason);
    }
}
