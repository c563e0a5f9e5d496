package io.kubeload.access.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CoreDNS Corefile as one tree: {@code servers}, each with its {@code zones} and {@code plugins};
 * a plugin is a map with its {@code name}, its {@code args}, and each sub-directive of its block as
 * a list of arguments ({@code kubernetes ... { pods verified }} gives {@code pods: [verified]}).
 */
final class Corefile {

  private Corefile() {}

  static Object parse(String text) throws ConfigException {
    List<Object> servers = new ArrayList<>();
    Map<String, Object> server = null;
    Map<String, Object> plugin = null;
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replaceAll("#.*$", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      boolean opens = line.endsWith("{");
      String content = opens ? line.substring(0, line.length() - 1).strip() : line;
      if (content.equals("}")) {
        if (plugin != null) {
          plugin = null;
        } else if (server != null) {
          server = null;
        } else {
          throw ConfigException.atLine(i + 1, "'}' closes nothing");
        }
        continue;
      }
      List<String> words = List.of(content.split("\\s+"));
      if (server == null) {
        if (!opens) {
          throw ConfigException.atLine(i + 1, "expected a server block such as '.:53 {'");
        }
        server = new LinkedHashMap<>();
        server.put("zones", new ArrayList<Object>(words));
        server.put("plugins", new ArrayList<>());
        servers.add(server);
      } else if (plugin == null) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", words.get(0));
        entry.put("args", new ArrayList<Object>(words.subList(1, words.size())));
        @SuppressWarnings("unchecked")
        List<Object> plugins = (List<Object>) server.get("plugins");
        plugins.add(entry);
        if (opens) {
          plugin = entry;
        }
      } else {
        if (opens) {
          throw ConfigException.atLine(i + 1, "blocks nest at most two deep in a Corefile");
        }
        plugin.put(words.get(0), new ArrayList<Object>(words.subList(1, words.size())));
      }
    }
    if (server != null) {
      throw new ConfigException("a server block is never closed");
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("servers", servers);
    return tree;
  }
}
