package vn.hanoi.gdnn.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The organisation as data: units and kinds of unit read from {@code organisation/organisation.yaml}
 * (or the file named by {@code gdnn.organisation.file}), checked as a whole at start. Other features use it to
 * check unit codes (forms, the plan catalogue) and to name units in Vietnamese.
 */
@Component
public class OrganisationDirectory {

  /** Lowercase kebab codes, which the engine's resource-id whitelist accepts. */
  static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** A name's abbreviation in document numbers: letters only (Vietnamese Đ included), a capital first. */
  static final Pattern ABBREVIATION = Pattern.compile("\\p{Lu}\\p{L}{0,19}");

  private final Map<String, UnitKind> kinds;
  private final Map<String, Unit> units;
  private final Map<String, Post> posts;

  @Autowired
  public OrganisationDirectory(
      @Value("${gdnn.organisation.file:classpath:organisation/organisation.yaml}") Resource file) {
    this(read(file));
  }

  private OrganisationDirectory(Parsed parsed) {
    this.kinds = parsed.kinds();
    this.units = parsed.units();
    this.posts = parsed.posts();
  }

  /** Reads and checks an organisation file; {@code source} names it in error messages. */
  public static OrganisationDirectory parse(InputStream yaml, String source) {
    return new OrganisationDirectory(parseAndCheck(yaml, source));
  }

  public List<Unit> units() {
    return List.copyOf(units.values());
  }

  /** Units whose members work in the system (they have staff and leader groups). */
  public List<Unit> unitsWithGroups() {
    return units.values().stream().filter(u -> kinds.get(u.kind()).groups()).toList();
  }

  /** Posts held by one person (Chủ tịch, Phó Chủ tịch…), each a group of its own. */
  public List<Post> posts() {
    return List.copyOf(posts.values());
  }

  public Optional<Post> post(String code) {
    return Optional.ofNullable(code == null ? null : posts.get(code));
  }

  public List<UnitKind> kinds() {
    return List.copyOf(kinds.values());
  }

  public Optional<Unit> find(String code) {
    return Optional.ofNullable(code == null ? null : units.get(code));
  }

  public boolean isUnit(String code) {
    return code != null && units.containsKey(code);
  }

  public UnitKind kindOf(Unit unit) {
    return kinds.get(unit.kind());
  }

  public List<Unit> children(String code) {
    return units.values().stream().filter(u -> code.equals(u.parent())).toList();
  }

  /**
   * Whether {@code groupId} is a group this organisation defines: a unit's staff or leader group (of a unit
   * that works in the system) or one of the role groups.
   */
  public boolean isKnownGroup(String groupId) {
    if (groupId == null) {
      return false;
    }
    if (Groups.ROLE_GROUPS.contains(groupId) || posts.containsKey(groupId)) {
      return true;
    }
    Unit unit = units.get(Groups.unitCodeOf(groupId));
    return unit != null && kinds.get(unit.kind()).groups();
  }

  // ---------------------------------------------------------------------------------------------------------

  private static Parsed read(Resource file) {
    try (InputStream in = file.getInputStream()) {
      return parseAndCheck(in, file.getDescription());
    } catch (IOException e) {
      throw new OrganisationException(file.getDescription(), List.of("cannot be read: " + e.getMessage()));
    }
  }

  private static Parsed parseAndCheck(InputStream yaml, String source) {
    FileEntry file;
    try {
      file = new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(yaml, FileEntry.class);
    } catch (JacksonException e) {
      throw new OrganisationException(source, List.of("not a valid organisation file: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
    } catch (IOException e) {
      throw new OrganisationException(source, List.of("cannot be read: " + e.getMessage()));
    }
    List<String> problems = new ArrayList<>();
    Map<String, UnitKind> kinds = checkKinds(file == null ? null : file.kinds, problems);
    Map<String, Unit> units = checkUnits(file == null ? null : file.units, kinds, problems);
    Map<String, Post> posts = checkPosts(file == null ? null : file.posts, units, kinds, problems);
    if (!problems.isEmpty()) {
      throw new OrganisationException(source, problems);
    }
    return new Parsed(kinds, units, posts);
  }

  private static Map<String, UnitKind> checkKinds(List<KindEntry> entries, List<String> problems) {
    Map<String, UnitKind> kinds = new LinkedHashMap<>();
    if (entries == null || entries.isEmpty()) {
      problems.add("no kinds: the file must list the kinds of unit under \"kinds\"");
      return kinds;
    }
    for (int i = 0; i < entries.size(); i++) {
      KindEntry entry = entries.get(i);
      String where = "kind #" + (i + 1) + (entry == null || entry.code == null ? "" : " (" + entry.code + ")");
      if (entry == null || blank(entry.code)) {
        problems.add(where + ": no code");
        continue;
      }
      if (!CODE.matcher(entry.code).matches()) {
        problems.add(where + ": code must be lowercase letters, digits and single hyphens");
      }
      if (blank(entry.name)) {
        problems.add(where + ": no name");
      }
      if (kinds.containsKey(entry.code)) {
        problems.add(where + ": duplicate code");
        continue;
      }
      kinds.put(entry.code, new UnitKind(entry.code, entry.name, entry.groups == null || entry.groups));
    }
    return kinds;
  }

  private static Map<String, Unit> checkUnits(List<UnitEntry> entries, Map<String, UnitKind> kinds,
      List<String> problems) {
    Map<String, Unit> units = new LinkedHashMap<>();
    if (entries == null || entries.isEmpty()) {
      problems.add("no units: the file must list the units under \"units\"");
      return units;
    }
    Map<String, Integer> entryNumber = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      UnitEntry entry = entries.get(i);
      String at = "unit #" + (i + 1) + (entry == null || entry.code == null ? "" : " (" + entry.code + ")");
      if (entry == null || blank(entry.code)) {
        problems.add(at + ": no code");
        continue;
      }
      if (!CODE.matcher(entry.code).matches()) {
        problems.add(at + ": code must be lowercase letters, digits and single hyphens");
      }
      if (entry.code.endsWith(Groups.LEADER_SUFFIX) || Groups.ROLE_GROUPS.contains(entry.code)) {
        problems.add(at + ": code is reserved for a leader or role group");
      }
      if (blank(entry.name)) {
        problems.add(at + ": no name");
      }
      if (blank(entry.kind)) {
        problems.add(at + ": no kind");
      } else if (!kinds.isEmpty() && !kinds.containsKey(entry.kind)) {
        problems.add(at + ": unknown kind \"" + entry.kind + "\" (known: " + kinds.keySet() + ")");
      }
      if (units.containsKey(entry.code)) {
        problems.add(at + ": duplicate code, already used by unit #" + entryNumber.get(entry.code));
        continue;
      }
      entryNumber.put(entry.code, i + 1);
      units.put(entry.code, new Unit(entry.code, entry.name, entry.kind, blank(entry.parent) ? null : entry.parent,
          Boolean.TRUE.equals(entry.unconfirmed), blank(entry.abbreviation) ? null : entry.abbreviation.strip()));
      if (!blank(entry.abbreviation) && !ABBREVIATION.matcher(entry.abbreviation.strip()).matches()) {
        problems.add(at + ": abbreviation must be letters only, starting with a capital (e.g. UBND, SGDĐT)");
      }
    }
    for (Unit unit : units.values()) {
      String at = "unit #" + entryNumber.get(unit.code()) + " (" + unit.code() + ")";
      if (unit.parent() == null) {
        continue;
      }
      if (!units.containsKey(unit.parent())) {
        problems.add(at + ": unknown parent \"" + unit.parent() + "\"");
      } else if (inCycle(unit, units)) {
        problems.add(at + ": parent chain loops back to the unit itself");
      }
    }
    return units;
  }

  /** Posts are optional; a post's code must not be the group of a unit, and its unit must work in the system. */
  private static Map<String, Post> checkPosts(List<PostEntry> entries, Map<String, Unit> units,
      Map<String, UnitKind> kinds, List<String> problems) {
    Map<String, Post> posts = new LinkedHashMap<>();
    if (entries == null) {
      return posts;
    }
    for (int i = 0; i < entries.size(); i++) {
      PostEntry entry = entries.get(i);
      String at = "post #" + (i + 1) + (entry == null || entry.code == null ? "" : " (" + entry.code + ")");
      if (entry == null || blank(entry.code)) {
        problems.add(at + ": no code");
        continue;
      }
      if (!CODE.matcher(entry.code).matches()) {
        problems.add(at + ": code must be lowercase letters, digits and single hyphens");
      }
      if (units.containsKey(Groups.unitCodeOf(entry.code)) || Groups.ROLE_GROUPS.contains(entry.code)) {
        problems.add(at + ": code is the group of a unit or a role");
      }
      if (blank(entry.name)) {
        problems.add(at + ": no name");
      }
      Unit unit = blank(entry.unit) ? null : units.get(entry.unit);
      if (unit == null) {
        problems.add(at + ": unknown unit \"" + entry.unit + "\"");
      } else if (kinds.containsKey(unit.kind()) && !kinds.get(unit.kind()).groups()) {
        problems.add(at + ": unit " + unit.code() + " does not work in the system");
      }
      if (posts.containsKey(entry.code)) {
        problems.add(at + ": duplicate code");
        continue;
      }
      posts.put(entry.code, new Post(entry.code, entry.name, entry.unit));
    }
    return posts;
  }

  private static boolean inCycle(Unit start, Map<String, Unit> units) {
    Set<String> seen = new HashSet<>();
    Unit current = start;
    while (current != null && current.parent() != null) {
      if (!seen.add(current.code())) {
        return true;
      }
      current = units.get(current.parent());
      if (current != null && current.code().equals(start.code())) {
        return true;
      }
    }
    return false;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private record Parsed(Map<String, UnitKind> kinds, Map<String, Unit> units, Map<String, Post> posts) {
  }

  static final class FileEntry {
    @JsonProperty("kinds")
    List<KindEntry> kinds;
    @JsonProperty("units")
    List<UnitEntry> units;
    @JsonProperty("posts")
    List<PostEntry> posts;
  }

  static final class PostEntry {
    @JsonProperty("code")
    String code;
    @JsonProperty("name")
    String name;
    @JsonProperty("unit")
    String unit;
  }

  static final class KindEntry {
    @JsonProperty("code")
    String code;
    @JsonProperty("name")
    String name;
    @JsonProperty("groups")
    Boolean groups;
  }

  static final class UnitEntry {
    @JsonProperty("code")
    String code;
    @JsonProperty("name")
    String name;
    @JsonProperty("kind")
    String kind;
    @JsonProperty("parent")
    String parent;
    @JsonProperty("unconfirmed")
    Boolean unconfirmed;
    @JsonProperty("abbreviation")
    String abbreviation;
  }
}
