package dev.poolguard.core.model.helm;

import com.marcnuri.helm.TemplateCommand;
import com.marcnuri.helm.jni.HelmLib;
import com.marcnuri.helm.jni.NativeLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Helm's own template engine, through helm-java's bundled native library: the one class that
 * touches it. The library is looked up in poolguard's own class loader only, so helm-java's
 * fallback (downloading a platform jar from Maven Central) never runs; it is unpacked and loaded
 * once per process, when a run first renders a chart.
 */
final class HelmEngine {

  /** Longest a render may take: Go templates can loop, and a native call cannot be cancelled. */
  static final long TIMEOUT_SECONDS = 20;

  private HelmEngine() {}

  /** A render that did not produce manifests, with Helm's message (or why Helm could not run). */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** The loaded library, or why there is none. Loaded once; a failed load is not retried. */
  private static final class Library {
    static final Object LIB = load();

    private static Object load() {
      ClassLoader own = HelmEngine.class.getClassLoader();
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(own);
      try {
        NativeLibrary found = NativeLibrary.serviceProviderLibrary(own);
        if (found == null) {
          return "this build of poolguard has no Helm library for "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch");
        }
        return found.load();
      } catch (RuntimeException | LinkageError e) {
        return "Helm's native library cannot be loaded here (" + oneLine(e) + ")";
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  /** Why charts cannot be rendered in this process, or empty when they can. */
  static Optional<String> unavailable() {
    return Library.LIB instanceof String why ? Optional.of(why) : Optional.empty();
  }

  /**
   * {@code helm template} of {@code chart} with the given values files and {@code --set} values:
   * the rendered manifests.
   */
  static String template(
      Path chart,
      List<Path> valuesFiles,
      Map<String, String> set,
      String release,
      Optional<String> namespace)
      throws Failure {
    if (!(Library.LIB instanceof HelmLib lib)) {
      throw new Failure(unavailable().orElse("Helm is not available"));
    }
    TemplateCommand command = new TemplateCommand(lib, chart).withName(release);
    if (namespace.isPresent()) {
      command = command.withNamespace(namespace.get());
    }
    for (Path values : valuesFiles) {
      command = command.withValuesFile(values);
    }
    for (Map.Entry<String, String> e : set.entrySet()) {
      command = command.set(e.getKey(), e.getValue());
    }
    TemplateCommand ready = command;
    FutureTask<String> task = new FutureTask<>(ready::call);
    Thread worker = new Thread(task, "poolguard-helm");
    // A render that never ends must not keep the process alive once the run is over.
    worker.setDaemon(true);
    worker.setContextClassLoader(HelmEngine.class.getClassLoader());
    worker.start();
    try {
      return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new Failure(
          "rendering took longer than "
              + TIMEOUT_SECONDS
              + " s (a template that loops?); the chart is not linted");
    } catch (ExecutionException e) {
      throw new Failure(oneLine(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("rendering was interrupted");
    }
  }

  /** Helm's message on one line, without the hint about {@code --debug} poolguard cannot pass. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = message.replace("Use --debug flag to render out invalid YAML", "");
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
