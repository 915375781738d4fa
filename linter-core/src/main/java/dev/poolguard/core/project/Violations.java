package dev.poolguard.core.project;

import dev.poolguard.core.config.MapNode;
import dev.poolguard.core.text.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everit.json.schema.ObjectSchema;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;

/** Turns the validator's exceptions into {@link Problem}s that name line, column and field. */
final class Violations {

  // everit names the key only in its message; the wording is fixed in the pinned version 1.14.6.
  private static final Pattern EXTRANEOUS =
      Pattern.compile("extraneous key \\[(.*)\\] is not permitted", Pattern.DOTALL);
  private static final Pattern REQUIRED =
      Pattern.compile("required key \\[(.*)\\] not found", Pattern.DOTALL);

  private static final int TYPE_RANK = 0;
  private static final int OTHER_RANK = 1;

  private final JsonTree tree;
  private final List<Problem> problems = new ArrayList<>();
  // A typo of a required key also makes it missing; the "did you mean" says all there is to say.
  private final Map<String, Set<String>> suggested = new HashMap<>();
  private final Map<String, List<String>> needs = new HashMap<>();

  private Violations(JsonTree tree) {
    this.tree = tree;
  }

  static List<Problem> of(ValidationException exception, JsonTree tree) {
    Violations violations = new Violations(tree);
    violations.collect(exception);
    return violations.problems.stream().filter(p -> !violations.explained(p)).toList();
  }

  /** True for a missing key that an unknown key in the same mapping is a likely typo of. */
  private boolean explained(Problem problem) {
    String subject = problem.subject();
    if (subject.startsWith("needs:")) {
      String object = subject.substring("needs:".length());
      Set<String> typos = suggested.getOrDefault(object, Set.of());
      return needs.getOrDefault(object, List.of()).stream().anyMatch(typos::contains);
    }
    if (subject.startsWith("required:")) {
      String target = subject.substring("required:".length());
      int slash = target.lastIndexOf('/');
      return suggested
          .getOrDefault(target.substring(0, slash), Set.of())
          .contains(target.substring(slash + 1));
    }
    return false;
  }

  private void collect(ValidationException e) {
    String keyword = e.getKeyword();
    if ("anyOf".equals(keyword) || "oneOf".equals(keyword)) {
      alternatives(e);
    } else if (!e.getCausingExceptions().isEmpty()) {
      // "N schema violations found" and allOf: every cause is a problem of its own.
      e.getCausingExceptions().forEach(this::collect);
    } else {
      leaf(e);
    }
  }

  /**
   * No alternative matched. Branches that failed only because the value has another type are noise
   * ("expected a string" when a list was meant); the rest say what is wrong.
   */
  private void alternatives(ValidationException e) {
    String pointer = e.getPointerToViolation();
    // everit reorders the branches; schema order ("anyOf/0" first) reads as the schema does.
    List<ValidationException> shaped =
        e.getCausingExceptions().stream()
            .filter(b -> !typeMismatchAt(b, pointer))
            .sorted(Comparator.comparing(b -> String.valueOf(b.getSchemaLocation())))
            .toList();
    if (shaped.isEmpty()) {
      value(tree.nearest(pointer), "type", e);
    } else if (shaped.size() > 1 && shaped.stream().allMatch(b -> requiredAt(b, pointer))) {
      JsonTree.Located at = tree.nearest(pointer);
      List<String> keys = shaped.stream().map(b -> group(REQUIRED, b).orElse("?")).toList();
      List<String> names = keys.stream().map(Problem::quote).toList();
      needs.put(at.pointer(), keys);
      problems.add(
          new Problem(
              at.keyOrNodePosition(),
              Problem.labelled(at.label(), "needs " + String.join(" or ", names)),
              "needs:" + at.pointer(),
              OTHER_RANK));
    } else {
      collect(shaped.get(0));
    }
  }

  private static boolean typeMismatchAt(ValidationException e, String pointer) {
    return e.getCausingExceptions().isEmpty()
        && "type".equals(e.getKeyword())
        && pointer.equals(e.getPointerToViolation());
  }

  private static boolean requiredAt(ValidationException e, String pointer) {
    return e.getCausingExceptions().isEmpty()
        && "required".equals(e.getKeyword())
        && pointer.equals(e.getPointerToViolation());
  }

  private void leaf(ValidationException e) {
    JsonTree.Located at = tree.nearest(e.getPointerToViolation());
    String keyword = String.valueOf(e.getKeyword());
    Optional<String> extraneous = group(EXTRANEOUS, e);
    Optional<String> required = group(REQUIRED, e);
    if ("additionalProperties".equals(keyword) && extraneous.isPresent()) {
      unknownKey(at, extraneous.get());
    } else if ("required".equals(keyword) && required.isPresent()) {
      problems.add(
          new Problem(
              at.keyOrNodePosition(),
              Problem.labelled(at.label(), "missing required key " + Problem.quote(required.get())),
              "required:" + at.pointer() + "/" + required.get(),
              OTHER_RANK));
    } else {
      value(at, keyword, e);
    }
  }

  private void unknownKey(JsonTree.Located object, String token) {
    Optional<JsonTree.Located> child = tree.at(object.pointer() + "/" + token);
    String name = child.flatMap(JsonTree.Located::key).map(Scalars::text).orElse(token);
    Set<String> present = new LinkedHashSet<>();
    if (object.node() instanceof MapNode map) {
      map.entries().forEach(entry -> present.add(Scalars.text(entry.key())));
    }
    Set<String> allowed = new LinkedHashSet<>();
    for (ObjectSchema schema : schemas(object, ObjectSchema.class)) {
      allowed.addAll(schema.getPropertySchemas().keySet());
    }
    allowed.removeAll(present);
    Optional<String> suggestion = Suggestions.closest(name, allowed);
    suggestion.ifPresent(
        s -> suggested.computeIfAbsent(object.pointer(), k -> new HashSet<>()).add(s));
    String text = "unknown key " + Problem.quote(name) + suggestion.map(Wording::meant).orElse("");
    problems.add(
        new Problem(
            child.map(JsonTree.Located::keyOrNodePosition).orElse(object.keyOrNodePosition()),
            Problem.labelled(object.label(), text),
            "key:" + object.pointer() + "/" + token,
            OTHER_RANK));
  }

  /** A problem with the value itself: its type, range, format or spelling. */
  private void value(JsonTree.Located at, String keyword, ValidationException e) {
    problems.add(
        new Problem(
            at.node().position(),
            Problem.labelled(at.label(), Wording.value(at, keyword).orElse(e.getErrorMessage())),
            "value:" + at.pointer(),
            "type".equals(keyword) ? TYPE_RANK : OTHER_RANK));
  }

  private static Optional<String> group(Pattern pattern, ValidationException e) {
    Matcher m = pattern.matcher(String.valueOf(e.getErrorMessage()));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static <T extends Schema> List<T> schemas(JsonTree.Located at, Class<T> type) {
    return at.schemas().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
