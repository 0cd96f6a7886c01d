package org.heard.identity.internal;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.heard.identity.Role;
import org.junit.jupiter.api.Test;

class NewUserTests {

    @Test
    void aValidRequestIsAccepted() {
        assertThatNoException().isThrownBy(() -> new NewUser("ana@example.com", "Ana", "twelve chars!", Role.AGENT));
    }

    @Test
    void eachMistakeIsRefusedWithWhatToDo() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NewUser("ana", "Ana", "twelve chars!", Role.AGENT))
                .withMessageContaining("email address");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NewUser("ana@example.com", " ", "twelve chars!", Role.AGENT))
                .withMessageContaining("name");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NewUser("ana@example.com", "Ana", "short", Role.AGENT))
                .withMessageContaining("at least 12");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NewUser("ana@example.com", "Ana", "twelve chars!", null))
                .withMessageContaining("role");
    }
}
