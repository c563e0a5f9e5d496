package io.kubeload.cluster.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.kubeload.yaml.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * GETs, and nothing else, through the fabric8 client's HTTP client (so kubeconfig authentication
 * applies), each one admitted by the {@link Pacer} and recorded.
 */
final class ApiReader {

  static final String JSON = "application/json";

  /** Objects without their spec and status: counts cost a few hundred bytes (and no Secret data). */
  static final String METADATA_ONLY =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";

  static final String TEXT = "text/plain";

  private final KubernetesClient client;
  private final String server;
  private final String origin;
  private final Pacer pacer;
  private final Progress progress;
  private final List<String> requests = new ArrayList<>();
  private final ObjectMapper mapper = new ObjectMapper();

  ApiReader(KubernetesClient client, String origin, Pacer pacer, Progress progress) {
    this.client = client;
    this.server = client.getMasterUrl().toString().replaceAll("/+$", "");
    this.origin = origin;
    this.pacer = pacer;
    this.progress = progress;
  }

  /** A JSON document; a 403 or 404 is empty when {@code optional}, an error otherwise. */
  Optional<JsonNode> json(String path, String accept, boolean optional) {
    return text(path, accept, optional)
        .map(
            body -> {
              try {
                return mapper.readTree(body);
              } catch (JsonProcessingException e) {
                throw new InputException(
                    origin, "GET " + path + " did not answer JSON: " + e.getOriginalMessage());
              }
            });
  }

  Optional<String> text(String path, String accept, boolean optional) {
    pacer.admit("GET " + path);
    progress.request(pacer.made(), pacer.budget(), path);
    requests.add("GET " + path);
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(server + path)
            .setHeader("Accept", accept)
            .build();
    HttpResponse<String> response;
    try {
      response = client.getHttpClient().sendAsync(request, String.class).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException(origin, "interrupted during GET " + path);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InputException(
          origin,
          "cannot reach the API server at "
              + server
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
    int code = response.code();
    if (code == 200) {
      return Optional.ofNullable(response.body());
    }
    if (optional && (code == 403 || code == 404)) {
      return Optional.empty();
    }
    throw new InputException(
        origin,
        "GET "
            + path
            + " answered "
            + code
            + (code == 401 || code == 403
                ? ": capture needs read access (get, list) to it; see docs/profiles.md"
                : code == 429
                    ? ": the API server is shedding load; capture again later or with a lower --qps"
                    : ""));
  }

  /** Every request made, in order: "GET /api/v1/pods?limit=1". */
  List<String> requests() {
    return List.copyOf(requests);
  }

  String server() {
    return server;
  }

  Pacer pacer() {
    return pacer;
  }
}
