import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the server found through the injected service-discovery variable and prints a sentinel. */
public class Consumer {
    public static void main(String[] args) throws Exception {
        String url = System.getenv("services__server__http__0");
        System.out.println("CONSUMER-SEES " + url + " " + System.getenv("SERVER_HTTP"));
        String body = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url + "/")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        System.out.println("CONSUMER-REACHED " + body);
    }
}
