package org.heard.selfservice.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Which account system answers account commands: the configured one, else the demo accounts with the sandbox. */
@Configuration(proxyBeanMethods = false)
class SelfServiceConfiguration {

    @Bean
    AccountSystem accountSystem(
            @Value("${heard.selfservice.lookup.url:}") String url,
            @Value("${heard.selfservice.lookup.token:}") String token,
            @Value("${heard.selfservice.lookup.timeout:5s}") Duration timeout,
            @Value("${heard.sandbox.enabled:true}") boolean sandbox,
            JsonMapper json) {
        if (!url.isBlank()) {
            return new HttpAccountSystem(url.strip(), token, timeout, json);
        }
        return sandbox ? new DemoAccountSystem() : new NoAccountSystem();
    }
}
