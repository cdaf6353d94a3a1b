package dev.apphost.samples.webfrontend;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The starter's web frontend: Spring Boot, listening on {@code SERVER_PORT}. */
@SpringBootApplication
public class WebFrontendApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebFrontendApplication.class, args);
    }
}
