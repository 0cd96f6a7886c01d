package org.heard.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock Heard's rules of time read, so tests can move it instead of waiting for it. */
@Configuration(proxyBeanMethods = false)
class Clocks {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
