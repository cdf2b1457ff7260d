package org.newsgraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.newsgraph.model.UsageException;

/**
 * HTTP Basic credentials, read from a password file whose single line is {@code user:password} (the
 * user name has no colon; the password may): the one user allowed to write to a {@code --writable}
 * server, and the user a remote store logs in as ({@code --endpoint-auth}).
 *
 * @param user the user name
 * @param password the password
 */
public record Credentials(String user, String password) {

  /** Checks both parts are present. */
  public Credentials {
    if (user == null || user.isEmpty() || user.contains(":")) {
      throw new IllegalArgumentException("the user name must be non-empty and have no ':'");
    }
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("the password must be non-empty");
    }
  }

  /**
   * Reads a password file.
   *
   * @param file the file: one line {@code user:password}; a trailing newline is allowed
   * @return the credentials
   * @throws UsageException as {@code path:line:col: error: message} when the file is unreadable or
   *     not one {@code user:password} line
   */
  public static Credentials read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new UsageException(
          file + ":1:1: error: cannot read password file: " + e.getMessage(), e);
    }
    List<String> used = lines.stream().filter(l -> !l.isBlank()).toList();
    if (used.size() != 1) {
      throw new UsageException(
          file + ":1:1: error: expected exactly one line 'user:password', found " + used.size());
    }
    String line = used.get(0).strip();
    int lineNo = lines.indexOf(used.get(0)) + 1;
    int colon = line.indexOf(':');
    if (colon <= 0 || colon == line.length() - 1) {
      throw new UsageException(file + ":" + lineNo + ":1: error: expected 'user:password'");
    }
    return new Credentials(line.substring(0, colon), line.substring(colon + 1));
  }

  /** The value of an {@code Authorization} header that sends these credentials. */
  public String basicAuthorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + ", password=***]";
  }
}
