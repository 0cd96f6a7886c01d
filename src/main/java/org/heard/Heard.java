package org.heard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Heard: one live inbox where a care team answers its customers on every network. */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
@EnableScheduling
public class Heard {

    public static void main(String[] args) {
        SpringApplication.run(Heard.class, args);
    }
}
