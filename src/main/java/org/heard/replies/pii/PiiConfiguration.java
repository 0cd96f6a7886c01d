package org.heard.replies.pii;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The detector as the team configured it; a pattern or region that is not valid stops Heard at start, saying which. */
@Configuration(proxyBeanMethods = false)
class PiiConfiguration {

    @Bean
    PiiDetector piiDetector(
            @Value("${heard.replies.pii.account-patterns:}") List<String> accountPatterns,
            @Value("${heard.replies.pii.phone-regions:GB,US}") List<String> phoneRegions,
            @Value("${heard.replies.pii.allowed:}") List<String> allowed) {
        return new PiiDetector(accountPatterns, phoneRegions, allowed);
    }
}
