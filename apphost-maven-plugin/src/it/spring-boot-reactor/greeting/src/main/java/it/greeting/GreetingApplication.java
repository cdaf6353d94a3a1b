package it.greeting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@SpringBootApplication
@RestController
public class GreetingApplication {

    /** Injected by the AppHost's withReference(names). */
    @Value("${services__names__http__0}")
    String namesUrl;

    public static void main(String[] args) {
        SpringApplication.run(GreetingApplication.class, args);
    }

    @GetMapping("/greet")
    String greet() {
        return "Hello, " + RestClient.create(namesUrl).get().uri("/name").retrieve().body(String.class);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        System.out.println("SENTINEL greeting port=" + port + " names=" + namesUrl + " pid=" + ProcessHandle.current().pid());
    }
}
