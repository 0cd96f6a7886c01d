package org.heard.channels.webchat;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The widget runs on the company's own website and calls Heard from there. Any origin may ask; each
 * request is then checked against the account's website and the visitor's pass, never a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebChatCors implements WebMvcConfigurer {

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/p/chat/**").allowedOriginPatterns("*").allowedMethods("GET", "POST");
        registry.addMapping("/hooks/webchat/**")
                .allowedOriginPatterns("*")
                .allowedMethods("POST")
                .allowedHeaders("Content-Type", VisitorPass.VISITOR_HEADER, VisitorPass.TOKEN_HEADER);
    }
}
