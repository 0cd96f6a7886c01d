package org.heard.channels.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A post on the sandbox network, public or private, by a customer or by the brand. */
public record SandboxPost(
        long id,
        Persona author,
        String text,
        @Nullable Long inReplyTo,
        @JsonProperty("private") boolean isPrivate,
        @Nullable Persona recipient,
        Instant createdAt) {}
