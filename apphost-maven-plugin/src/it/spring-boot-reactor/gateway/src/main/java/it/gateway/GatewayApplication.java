package it.gateway;

import java.util.concurrent.atomic.AtomicBoolean;
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
public class GatewayApplication {

    private final AtomicBoolean answered = new AtomicBoolean();

    @Value("${services__greeting__http__0}")
    String greetingUrl;

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    @GetMapping("/hello")
    String hello() {
        String greeting = RestClient.create(greetingUrl).get().uri("/greet").retrieve().body(String.class);
        if (answered.compareAndSet(false, true)) {
            System.out.println("SENTINEL gateway answered=" + greeting);
        }
        return greeting;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        System.out.println("SENTINEL gateway port=" + port + " pid=" + ProcessHandle.current().pid());
    }
}
