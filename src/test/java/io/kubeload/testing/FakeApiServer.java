package io.kubeload.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A real HTTP server on 127.0.0.1 that answers as a kube-apiserver would for the requests a capture
 * may make: collections of generated objects with limit, continue and remainingItemCount, metadata-only
 * lists, single objects, discovery, /version and /metrics. It logs every request it receives.
 */
public final class FakeApiServer implements AutoCloseable {

  /** A request as received: method, path and query, and whether it asked for metadata only. */
  public record Request(String method, String pathAndQuery, boolean metadataOnly) {
    @Override
    public String toString() {
      return method + " " + pathAndQuery + (metadataOnly ? " [metadata]" : "");
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, Collection> collections = new LinkedHashMap<>();
  private final Map<String, String> documents = new LinkedHashMap<>();
  private final Set<String> forbidden = new HashSet<>();
  private final List<Request> log = Collections.synchronizedList(new ArrayList<>());

  /** A collection of {@code size} objects, the i-th made by {@code item}. */
  private record Collection(int size, IntFunction<ObjectNode> item) {}

  public FakeApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A kubeconfig naming this server, with a bearer token, as context {@code fake}. */
  public Path kubeconfig(Path dir) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: fake
            cluster: {server: "%s"}
        users:
          - name: reader
            user: {token: not-a-secret}
        contexts:
          - name: fake
            context: {cluster: fake, user: reader}
        current-context: fake
        """
            .formatted(url()));
    return file;
  }

  public FakeApiServer collection(String path, int size, IntFunction<ObjectNode> item) {
    collections.put(path, new Collection(size, item));
    return this;
  }

  /** A collection of plain named objects. */
  public FakeApiServer objects(String path, int size, String prefix) {
    return collection(path, size, i -> object(prefix + "-" + i));
  }

  public FakeApiServer document(String path, String body) {
    documents.put(path, body);
    return this;
  }

  public FakeApiServer forbid(String path) {
    forbidden.add(path);
    return this;
  }

  public List<Request> log() {
    return List.copyOf(log);
  }

  public static ObjectNode object(String name) {
    ObjectNode node = JSON.createObjectNode();
    node.putObject("metadata")
        .put("name", name)
        .put("namespace", "ns-" + (name.hashCode() & 7))
        .put("resourceVersion", "1");
    node.putObject("spec").put("padding", "x".repeat(200));
    return node;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
    boolean metadataOnly = accept.contains("as=PartialObjectMetadataList");
    log.add(
        new Request(
            exchange.getRequestMethod(), path + (query == null ? "" : "?" + query), metadataOnly));
    if (!exchange.getRequestMethod().equals("GET")) {
      respond(exchange, 405, "{\"kind\":\"Status\",\"code\":405}");
    } else if (forbidden.contains(path)) {
      respond(exchange, 403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\"}");
    } else if (documents.containsKey(path)) {
      respond(exchange, 200, documents.get(path));
    } else if (collections.containsKey(path)) {
      respond(exchange, 200, list(collections.get(path), query(query), metadataOnly));
    } else {
      respond(exchange, 404, "{\"kind\":\"Status\",\"code\":404,\"reason\":\"NotFound\"}");
    }
  }

  /** limit and continue as the API server applies them; remainingItemCount when more items follow. */
  private static String list(Collection collection, Map<String, String> query, boolean metadataOnly)
      throws IOException {
    int offset =
        query.containsKey("continue")
            ? Integer.parseInt(
                new String(
                    Base64.getDecoder().decode(query.get("continue")), StandardCharsets.UTF_8))
            : 0;
    int limit =
        query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : collection.size();
    int end = (int) Math.min((long) offset + limit, collection.size());
    ObjectNode list = JSON.createObjectNode();
    list.put("kind", metadataOnly ? "PartialObjectMetadataList" : "List")
        .put("apiVersion", metadataOnly ? "meta.k8s.io/v1" : "v1");
    ObjectNode metadata = list.putObject("metadata").put("resourceVersion", "12345");
    if (end < collection.size()) {
      metadata.put(
          "continue",
          Base64.getEncoder().encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8)));
      metadata.put("remainingItemCount", collection.size() - end);
    }
    ArrayNode items = list.putArray("items");
    for (int i = offset; i < end; i++) {
      ObjectNode item = collection.item().apply(i);
      if (metadataOnly) {
        ObjectNode partial =
            JSON.createObjectNode()
                .put("kind", "PartialObjectMetadata")
                .put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", item.get("metadata"));
        item = partial;
      }
      items.add(item);
    }
    return JSON.writeValueAsString(list);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&", -1)) {
        int eq = pair.indexOf('=');
        out.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void respond(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            body.startsWith("{") ? "application/json" : "text/plain; version=0.0.4");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
