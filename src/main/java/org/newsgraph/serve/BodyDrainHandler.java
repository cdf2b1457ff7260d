package org.newsgraph.serve;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Reads and discards what is left of a request body once its response is done, so the connection
 * stays open for the client's next request.
 *
 * <p>A request the server refuses from its headers alone (a write to a read-only server, an update
 * without credentials) is answered before its body has arrived. Jetty then closes the connection
 * rather than wait for the body, after a response that did not say so: a client that pools
 * connections, as most HTTP libraries do, sends its next request on a dead connection and gets an
 * I/O error for it. Draining the body first keeps the connection usable. The drain is bounded: past
 * {@link #limit} bytes the connection is closed as before, so a large refused upload is not read to
 * its end. The drain never blocks a thread; it reads as the bytes arrive.
 */
final class BodyDrainHandler extends Handler.Wrapper {

  /** Bytes of a leftover request body read and discarded at most before closing instead. */
  static final long DEFAULT_LIMIT = 1L << 20;

  private final long limit;

  BodyDrainHandler(Handler handler, long limit) {
    super(handler);
    this.limit = limit;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Callback drainFirst = Callback.from(() -> drain(request, limit, callback), callback::failed);
    return super.handle(request, response, drainFirst);
  }

  /** Reads chunks until the body ends, fails or passes the budget; then completes {@code done}. */
  private static void drain(Request request, long budget, Callback done) {
    long left = budget;
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        long remaining = left;
        request.demand(() -> drain(request, remaining, done));
        return;
      }
      left -= chunk.remaining();
      boolean end = chunk.isLast() || Content.Chunk.isFailure(chunk) || left < 0;
      chunk.release();
      if (end) {
        // Past the budget the unread rest makes Jetty close the connection, as it would have.
        done.succeeded();
        return;
      }
    }
  }
}
