package org.heard.identity.internal;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.heard.identity.Role;
import org.heard.platform.Refused;
import org.junit.jupiter.api.Test;

class NewUserTests {

    @Test
    void aValidRequestIsAccepted() {
        assertThatNoException().isThrownBy(() -> new NewUser("ana@example.com", "Ana", "twelve chars!", Role.AGENT));
    }

    @Test
    void eachMistakeIsRefusedWithWhatToDo() {
        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> new NewUser("ana", "Ana", "twelve chars!", Role.AGENT))
                .withMessageContaining("email address");
        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> new NewUser("ana@example.com", " ", "twelve chars!", Role.AGENT))
                .withMessageContaining("name");
        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> new NewUser("ana@example.com", "Ana", "short", Role.AGENT))
                .withMessageContaining("at least 12");
        assertThatExceptionOfType(Refused.class)
                .isThrownBy(() -> new NewUser("ana@example.com", "Ana", "twelve chars!", null))
                .withMessageContaining("role");
    }
}
