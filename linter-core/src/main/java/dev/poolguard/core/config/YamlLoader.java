package dev.poolguard.core.config;

import dev.poolguard.core.secret.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Loads YAML (and JSON, which YAML reads too) with positions, as Spring Boot's SnakeYAML would read
 * it. This class and its helpers are the only code that knows snakeyaml-engine.
 */
final class YamlLoader {

  private static final Pattern QUOTED_INPUT = Pattern.compile("'[^'\\s]{2,}'|\"[^\"\\s]{2,}\"");
  private static final Pattern FOUND_INPUT = Pattern.compile("(found:\\s*)\\S+");

  private YamlLoader() {}

  /**
   * Adds the documents of {@code text} to {@code out}, or one UNPARSEABLE problem; never throws for
   * bad input. {@code syntax} names the format in messages ("YAML", "JSON").
   */
  static ConfigFile.Builder load(
      String text, SourceMapper at, Limits limits, String syntax, ConfigFile.Builder out) {
    EventTracker tracker = new EventTracker(at);
    try {
      LoadSettings settings = settings(at.path(), limits);
      // One parse: the checked events are kept and replayed to the composer, so the text is
      // scanned once (the check reads to the end before anything is composed).
      List<Event> events = new ArrayList<>();
      int depth = YamlEventCheck.check(tracker.parser(settings, text, events), limits, at);
      Supplier<Composed> compose =
          () -> compose(new SnakeYaml1Composer(settings, tracker.replay(events)), at, limits);
      Composed composed =
          depth <= LargeStack.INLINE_DEPTH ? compose.get() : LargeStack.run(compose);
      composed.duplicates().forEach(p -> out.problem(p.kind(), p.message(), p.position()));
      return out.documents(composed.documents());
    } catch (LoadFailure e) {
      return out.problem(LoadProblem.Kind.UNPARSEABLE, e.getMessage(), e.position());
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      return out.problem(
          LoadProblem.Kind.UNPARSEABLE,
          "invalid " + syntax + ": " + describe(e, at),
          mark.map(m -> at.at(m.getLine(), m.getColumn())).orElseGet(tracker::lastPosition));
    } catch (RuntimeException e) {
      // The engine also throws plain RuntimeExceptions (IllegalArgumentException for "!%e"); the
      // last event read is the best position there is.
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return out.problem(
          LoadProblem.Kind.UNPARSEABLE,
          "invalid " + syntax + ": " + oneLine(reason),
          tracker.lastPosition());
    }
  }

  /** The documents of a file and the duplicate keys found in them. */
  private record Composed(List<ConfigNode> documents, List<LoadProblem> duplicates) {}

  private static Composed compose(Composer composer, SourceMapper at, Limits limits) {
    YamlConverter converter = new YamlConverter(at, limits);
    List<ConfigNode> documents = new ArrayList<>();
    while (composer.hasNext()) {
      ConfigNode document = converter.convert(composer.next());
      if (!isNullDocument(document)) {
        documents.add(document);
      }
    }
    return new Composed(documents, converter.duplicates());
  }

  private static LoadSettings settings(String label, Limits limits) {
    return LoadSettings.builder()
        .setLabel(label)
        .setSchema(Yaml11Scalars.SCHEMA)
        .setAllowDuplicateKeys(true) // the converter reports every duplicate itself
        .setMaxAliasesForCollections(Integer.MAX_VALUE) // YamlEventCheck counts all aliases
        .setAllowNonScalarKeys(true) // SnakeYAML 1.x accepts "? [a, b]" keys, so Spring does
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
        .build();
  }

  /** Spring skips documents that are empty, hold only comments, or are a bare null. */
  private static boolean isNullDocument(ConfigNode document) {
    return document instanceof ScalarNode scalar && (scalar.isNull() || scalar.value().isEmpty());
  }

  private static String describe(MarkedYamlEngineException e, SourceMapper at) {
    String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
    String context = e.getContext();
    if (context == null || context.isBlank()) {
      return oneLine(problem);
    }
    String where =
        e.getContextMark()
            .filter(m -> e.getProblemMark().map(p -> p.getLine() != m.getLine()).orElse(true))
            .map(m -> " started at line " + at.at(m.getLine(), 0).line())
            .orElse("");
    return oneLine(problem + " (" + context + where + ")");
  }

  private static String oneLine(String text) {
    return withoutInput(text.strip().replaceAll("\\s*\\R\\s*", " "));
  }

  /**
   * The parser's message without the input it quotes: a quoted fragment longer than one character
   * ({@code found '<scalar>'} stays, a quoted value does not) and what follows {@code found:} could
   * be part of a secret, and the file's secrets are not known when it cannot be parsed.
   */
  static String withoutInput(String message) {
    String m =
        QUOTED_INPUT
            .matcher(message)
            .replaceAll(r -> r.group().startsWith("'<") ? r.group() : "'…'");
    m = FOUND_INPUT.matcher(m).replaceAll("$1…");
    return Secrets.redactText(m);
  }

  /**
   * A composer that behaves like SnakeYAML 1.x's where snakeyaml-engine differs: it leaves {@code
   * <<} to {@link YamlConverter} (the engine's own merge orders entries differently and reports bad
   * merge values without a position), and it resolves a scalar tagged with the non-specific {@code
   * !} like a plain one, as SnakeYAML does.
   */
  private static final class SnakeYaml1Composer extends Composer {

    SnakeYaml1Composer(LoadSettings settings, Parser parser) {
      super(settings, parser);
    }

    @Override
    protected Node composeKeyNode(MappingNode node) {
      Node key = super.composeKeyNode(node);
      if (Tag.MERGE.equals(key.getTag())) {
        key.setTag(Yaml11Scalars.MERGE_KEY);
      }
      return key;
    }

    @Override
    protected Node composeScalarNode(Optional<Anchor> anchor, List<CommentLine> blockComments) {
      boolean nonSpecific =
          parser.peekEvent() instanceof ScalarEvent event
              && event.getTag().filter("!"::equals).isPresent();
      Node node = super.composeScalarNode(anchor, blockComments);
      if (nonSpecific && node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
        node.setTag(Yaml11Scalars.resolve(scalar.getValue(), true));
      }
      return node;
    }
  }

  /** Remembers the last event the parsers handed out, for errors that carry no mark. */
  private static final class EventTracker {
    private final SourceMapper at;
    private Event last;

    EventTracker(SourceMapper at) {
      this.at = at;
    }

    /** A parser of {@code text} that also adds every event it hands out to {@code kept}. */
    Parser parser(LoadSettings settings, String text, List<Event> kept) {
      Parser delegate = new ParserImpl(settings, new StreamReader(settings, text));
      return new Parser() {
        @Override
        public boolean checkEvent(Event.ID id) {
          return delegate.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
          return delegate.peekEvent();
        }

        @Override
        public boolean hasNext() {
          return delegate.hasNext();
        }

        @Override
        public Event next() {
          last = delegate.next();
          kept.add(last);
          return last;
        }
      };
    }

    /** Hands out {@code events} again, in order, as a parser would. */
    Parser replay(List<Event> events) {
      return new Parser() {
        private int next;

        @Override
        public boolean checkEvent(Event.ID id) {
          return hasNext() && events.get(next).getEventId() == id;
        }

        @Override
        public Event peekEvent() {
          if (!hasNext()) {
            throw new java.util.NoSuchElementException("no more events");
          }
          return events.get(next);
        }

        @Override
        public boolean hasNext() {
          return next < events.size();
        }

        @Override
        public Event next() {
          last = peekEvent();
          next++;
          return last;
        }
      };
    }

    SourcePosition lastPosition() {
      return Optional.ofNullable(last)
          .flatMap(Event::getStartMark)
          .map(m -> at.at(m.getLine(), m.getColumn()))
          .orElse(at.start());
    }
  }
}
