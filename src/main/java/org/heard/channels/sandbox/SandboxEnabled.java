package org.heard.channels.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * The sandbox network exists unless {@code heard.sandbox.enabled} ({@code HEARD_SANDBOX_ENABLED}) is
 * false: on for demos and trials, off for a team that only works real networks.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnBooleanProperty(name = "heard.sandbox.enabled", matchIfMissing = true)
@interface SandboxEnabled {}
