package dev.runtimedoctor.bot.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * fabric8's CRUD dispatcher made to list like a real API server: {@code limit} and {@code continue}
 * pages, {@code fieldSelector} on any field path ({@code reason}, {@code involvedObject.kind},
 * {@code spec.nodeName} …, which the stock dispatcher does not know), and the non-resource {@code
 * /version}.
 */
final class PagingCrudDispatcher extends KubernetesCrudDispatcher {
  private volatile String version = "v1.24.5-gke.600";

  /** Resources answered with a status code instead of their objects (403, 404). */
  private final Map<String, Integer> refused = new ConcurrentHashMap<>();

  /** Sets the control plane's {@code gitVersion} that {@code /version} answers. */
  void version(String gitVersion) {
    this.version = gitVersion;
  }

  /** Answers every read of {@code resource} with {@code code}, as RBAC or a missing API does. */
  void refuse(String resource, int code) {
    refused.put(resource, code);
  }

  @Override
  public MockResponse handleGet(String path) {
    URI uri = URI.create(path);
    Integer refusal = refused.get(MockCluster.Access.of(path).resource());
    if (refusal != null) {
      return new MockResponse().setResponseCode(refusal).setBody(status(refusal, path));
    }
    if ("/version".equals(uri.getPath())) {
      return new MockResponse()
          .setResponseCode(200)
          .setBody("{\"major\":\"1\",\"minor\":\"24\",\"gitVersion\":\"" + version + "\"}");
    }
    Map<String, String> query = query(uri);
    String plain =
        uri.getPath()
            + (query.containsKey("labelSelector")
                ? "?labelSelector="
                    + java.net.URLEncoder.encode(query.get("labelSelector"), StandardCharsets.UTF_8)
                : "");
    MockResponse response = super.handleGet(plain);
    if (response.code() != 200 || response.getBody() == null) {
      return response;
    }
    JsonObject body = JsonParser.parseString(response.getBody().readUtf8()).getAsJsonObject();
    if (!body.has("items")) {
      return new MockResponse().setResponseCode(200).setBody(body.toString());
    }
    JsonArray selected = new JsonArray();
    for (JsonElement item : body.getAsJsonArray("items")) {
      if (selects(query.get("fieldSelector"), item)) {
        selected.add(item);
      }
    }
    int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
    int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : selected.size();
    JsonArray page = new JsonArray();
    for (int i = from; i < Math.min(selected.size(), from + limit); i++) {
      page.add(selected.get(i));
    }
    body.add("items", page);
    JsonObject meta = body.has("metadata") ? body.getAsJsonObject("metadata") : new JsonObject();
    body.add("metadata", meta);
    if (from + limit < selected.size()) {
      meta.addProperty("continue", Integer.toString(from + limit));
    } else {
      meta.remove("continue");
    }
    return new MockResponse().setResponseCode(200).setBody(body.toString());
  }

  /** The Status a real API server answers, naming the user as RBAC's 403 does. */
  private static String status(int code, String path) {
    MockCluster.Access a = MockCluster.Access.of(path);
    JsonObject status = new JsonObject();
    status.addProperty("kind", "Status");
    status.addProperty("apiVersion", "v1");
    status.addProperty("status", "Failure");
    status.addProperty("code", code);
    status.addProperty("reason", code == 403 ? "Forbidden" : "NotFound");
    status.addProperty(
        "message",
        code == 403
            ? a.resource()
                + " is forbidden: User \"system:serviceaccount:runtime-doctor:runtime-doctor\""
                + " cannot "
                + a.verb()
                + " resource \""
                + a.resource()
                + "\" in API group \""
                + a.group()
                + "\" at the cluster scope"
            : "the server could not find the requested resource");
    return status.toString();
  }

  private static boolean selects(String selector, JsonElement item) {
    if (selector == null || selector.isBlank()) {
      return true;
    }
    for (String term : selector.split(",")) {
      boolean negated = term.contains("!=");
      String[] kv = term.split(negated ? "!=" : "==?", 2);
      JsonElement at = item;
      for (String part : kv[0].split("\\.")) {
        at = at == null || !at.isJsonObject() ? null : at.getAsJsonObject().get(part);
      }
      String actual = at == null || !at.isJsonPrimitive() ? "" : at.getAsString();
      if (actual.equals(kv[1]) == negated) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    if (uri.getRawQuery() == null) {
      return out;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }
}
