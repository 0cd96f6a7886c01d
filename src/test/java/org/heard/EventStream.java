package org.heard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A server-sent event stream a test listens to, as an open page does: every event's name and data. */
public final class EventStream implements AutoCloseable {

    /** One event: its name and its data line. */
    public record Event(String name, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final HttpClient http;
    private final InputStream body;

    private EventStream(HttpClient http, InputStream body) {
        this.http = http;
        this.body = body;
        Thread.ofVirtual().start(this::read);
    }

    /** Opens the stream at the path, as the client's user; fails unless it answers 200. */
    public static EventStream open(HeardClient client, String path) {
        var http = HttpClient.newHttpClient();
        try {
            var response = http.send(
                    client.request(path)
                            .header("Accept", "text/event-stream")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return new EventStream(http, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    /** Whether an event of this name arrived whose data contains the text. */
    public boolean has(String name, String text) {
        return events.stream().anyMatch(e -> e.name().equals(name) && e.data().contains(text));
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(name, line.substring(5)));
                } else if (line.isEmpty()) {
                    name = "message";
                }
            }
        } catch (IOException closed) {
            // the test closed the stream, or the node went away
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // closing is all that is asked
        }
        http.close();
    }
}
