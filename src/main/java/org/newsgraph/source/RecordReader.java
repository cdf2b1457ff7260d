package org.newsgraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsgraph.model.Article;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;

/**
 * Reads record files: Markdown with YAML front matter ({@code .md}, {@code .markdown}) or plain YAML
 * ({@code .yaml}, {@code .yml}). Every failure becomes a positioned {@link Problem}; this class never
 * throws for bad input. Thread-safe.
 */
public final class RecordReader {

  private final ReaderLimits limits;
  private final YamlReader yaml;
  private final ArticleBinder binder = new ArticleBinder();

  /** A reader with the given limits. */
  public RecordReader(ReaderLimits limits) {
    this.limits = limits;
    this.yaml = new YamlReader(limits);
  }

  /**
   * Reads one file.
   *
   * @param file the file
   * @param name how to name the file in problems
   * @return the records and problems
   */
  public ReadResult read(Path file, String name) {
    String text;
    try {
      text = SourceText.read(file, limits);
    } catch (SourceException e) {
      return new ReadResult(List.of(), List.of(e.toProblem(name)));
    } catch (IOException e) {
      return new ReadResult(List.of(),
          List.of(Problem.error(name, Position.START, "cannot read file: " + e.getMessage())));
    }
    return readText(text, name, looksLikeMarkdown(file, text));
  }

  /**
   * Reads one record from a stream (standard input); front matter is expected when the text starts
   * with {@code ---} followed by a closing delimiter, otherwise the text is read as plain YAML.
   *
   * @param in the stream; not closed
   * @param name how to name the input in problems
   * @return the records and problems
   */
  public ReadResult read(InputStream in, String name) {
    try {
      String text = SourceText.read(in, limits);
      return readText(text, name, text.startsWith("---"));
    } catch (SourceException e) {
      return new ReadResult(List.of(), List.of(e.toProblem(name)));
    } catch (IOException e) {
      return new ReadResult(List.of(),
          List.of(Problem.error(name, Position.START, "cannot read input: " + e.getMessage())));
    }
  }

  private ReadResult readText(String text, String name, boolean markdown) {
    List<Problem> problems = new ArrayList<>();
    List<Record> records = new ArrayList<>();
    try {
      String yamlText = markdown ? FrontMatter.split(text).yaml() : text;
      List<YamlValue> documents = yaml.readAll(yamlText, 0);
      if (documents.isEmpty()) {
        problems.add(Problem.error(name, Position.START, "empty record: no YAML mapping found"));
      } else if (documents.size() > 1) {
        problems.add(Problem.error(name, documents.get(1).position(),
            "more than one YAML document; a record file holds one"));
      } else if (!(documents.get(0) instanceof YamlValue.Mapping root)) {
        problems.add(Problem.error(name, documents.get(0).position(),
            "a record must be a mapping, found " + documents.get(0).kindName()));
      } else {
        Article article = binder.bind(root, name, problems);
        if (article != null) {
          records.add(new Record(name, article));
        }
      }
    } catch (SourceException e) {
      problems.add(e.toProblem(name));
    }
    boolean rejected = problems.stream().anyMatch(Problem::isError);
    return new ReadResult(rejected ? List.of() : records, problems);
  }

  private static boolean looksLikeMarkdown(Path file, String text) {
    String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
      return false;
    }
    return fileName.endsWith(".md") || fileName.endsWith(".markdown") || text.startsWith("---");
  }
}
