package org.heard.channels.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxSignatureTests {

    private final SandboxSignature signature = new SandboxSignature("It's a Secret to Everybody");
    private final byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsLikeOtherNetworksDoWithHexHmacSha256() {
        // The same key and body as GitHub's documented webhook example.
        assertThat(signature.sign(body))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void acceptsItsOwnSignatureOnly() {
        var valid = signature.sign(body);

        assertThat(signature.matches(body, valid)).isTrue();
        assertThat(signature.matches("Hello, World?".getBytes(StandardCharsets.UTF_8), valid))
                .isFalse();
        assertThat(new SandboxSignature("another secret").matches(body, valid)).isFalse();
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        assertThat(signature.matches(body, null)).isFalse();
        assertThat(signature.matches(body, "")).isFalse();
        assertThat(signature.matches(body, "sha1=757107ea")).isFalse();
        assertThat(signature.matches(body, "sha256=not-hex")).isFalse();
        assertThat(signature.matches(body, "sha256=")).isFalse();
    }
}
