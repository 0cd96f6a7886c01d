package org.heard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstAdminTests {

    @Test
    void namesTheFirstAdminAfterTheirEmail() {
        assertThat(FirstAdmin.nameFrom("ana.lopez@example.com")).isEqualTo("Ana Lopez");
        assertThat(FirstAdmin.nameFrom("admin@heard.local")).isEqualTo("Admin");
        assertThat(FirstAdmin.nameFrom("sam_r-ops@example.com")).isEqualTo("Sam R Ops");
        assertThat(FirstAdmin.nameFrom("@example.com")).isEqualTo("Admin");
    }
}
