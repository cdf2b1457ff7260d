package org.newsgraph.serve;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.newsgraph.model.Versions;
import org.newsgraph.query.ParamBinder;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.store.Credentials;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * The newsgraph HTTP server: Jena Fuseki main over the store's own dataset (no second process on
 * the store), safe by default. Read-only, it serves SPARQL query at {@code /newsgraph/sparql} (and
 * {@code /newsgraph/query}), Graph Store Protocol reads at {@code /newsgraph/get}, the named query
 * catalog at {@code /q/NAME}, health at {@code /$/ping} and the query page at {@code /}. Writable
 * (with {@link Builder#writable(Credentials)}), it adds SPARQL Update at {@code /newsgraph/update}
 * and Graph Store Protocol read-write at {@code /newsgraph/data}, both behind HTTP Basic auth.
 *
 * <p>The server does not own the store: whoever opened it closes it after {@link #stop()}.
 * Thread-safe.
 */
public final class NewsgraphServer {

  /** The longest a stop waits for queries in flight, beyond which they are cut off. */
  private static final long MAX_STOP_WAIT_MS = 10_000;

  /** The dataset's name: its URL path is {@code /newsgraph}. */
  public static final String DATASET = "newsgraph";

  /**
   * The paths the server serves itself: the dataset, named queries, page assets, Fuseki's admin.
   */
  private static final Pattern RESERVED =
      Pattern.compile("^/(" + DATASET + "|q|assets|webjars|\\$)(/.*)?$");

  private final FusekiServer fuseki;
  private final String host;

  private NewsgraphServer(FusekiServer fuseki, String host) {
    this.fuseki = fuseki;
    this.host = host;
  }

  /**
   * Whether a path (or servlet path spec) is the server's own, so no other servlet may be mounted
   * there: {@code /}, and {@code /newsgraph}, {@code /q}, {@code /assets}, {@code /webjars} and
   * {@code /$} with everything under them.
   */
  public static boolean isReserved(String path) {
    return path.equals("/") || RESERVED.matcher(path).matches();
  }

  /** A builder for a server over a store. */
  public static Builder builder(Tdb2Store store) {
    return new Builder(store);
  }

  /**
   * Starts listening.
   *
   * @return this server
   * @throws org.apache.jena.fuseki.FusekiException when the port cannot be bound
   */
  public NewsgraphServer start() {
    fuseki.start();
    return this;
  }

  /** The port listened on, the chosen one when the builder asked for port 0; valid after start. */
  public int port() {
    return fuseki.getHttpPort();
  }

  /** The server's root URL, such as {@code http://127.0.0.1:3030/}; valid after start. */
  public String url() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port() + "/";
  }

  /**
   * Stops accepting requests, waits for those in flight (at most the query timeout, capped at 10 s,
   * plus a second), and stops. Idempotent.
   */
  public void stop() {
    fuseki.stop();
  }

  /** Waits until the server stops. */
  public void join() {
    fuseki.join();
  }

  /** Collects the settings of a server; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {

    private final Tdb2Store store;
    private String host = "127.0.0.1";
    private int port = 3030;
    private ServeSettings settings =
        new ServeSettings(ServeSettings.DEFAULT_TIMEOUT, ServeSettings.DEFAULT_MAX_ROWS);
    private String corsOrigin;
    private Credentials writer;
    private IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);
    private final List<Mount> servlets = new ArrayList<>();

    private Builder(Tdb2Store store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** The interface to listen on (default 127.0.0.1; {@code 0.0.0.0} for all). */
    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host");
      return this;
    }

    /** The port (default 3030; 0 picks a free one, see {@link NewsgraphServer#port()}). */
    public Builder port(int value) {
      this.port = value;
      return this;
    }

    /** The query timeout and row cap. */
    public Builder settings(ServeSettings value) {
      this.settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /** Allows cross-origin requests from one origin, or {@code *}; off by default. */
    public Builder cors(String origin) {
      this.corsOrigin = origin;
      return this;
    }

    /** Makes the server writable for one user (HTTP Basic); read-only by default. */
    public Builder writable(Credentials user) {
      this.writer = user;
      return this;
    }

    /** The base IRI factory used to read named-query parameters. */
    public Builder iris(IriFactory value) {
      this.iris = Objects.requireNonNull(value, "iris");
      return this;
    }

    /**
     * Mounts a servlet of another component, such as a resolver of dereferenceable IRIs.
     *
     * @param pathSpec a servlet path spec, such as {@code /id/*}; must not shadow {@code
     *     /newsgraph}, {@code /q} or {@code /$}
     * @param servlet the servlet; it must be thread-safe
     */
    public Builder addServlet(String pathSpec, HttpServlet servlet) {
      servlets.add(new Mount(pathSpec, servlet));
      return this;
    }

    /**
     * Builds the server (not started). Side effect: remote {@code SERVICE} is switched off in the
     * context of the store's dataset, for the rest of the store's life in this process.
     *
     * @throws IllegalArgumentException for a bad port or a mount on a reserved path
     */
    public NewsgraphServer build() {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0..65535, not " + port);
      }
      for (Mount mount : servlets) {
        if (isReserved(mount.pathSpec)) {
          throw new IllegalArgumentException(
              "path " + mount.pathSpec + " is reserved by the server");
        }
      }
      // SERVICE is off for every operation, updates included, not only for queries: set on the
      // dataset's context, which every execution over it merges in (the server context is not).
      store.dataset().getContext().set(ARQ.httpServiceAllowed, false);
      // Fuseki would name itself with the version it reads from the jar manifest: newsgraph's, once
      // shaded. The server names both instead (ServerHeader).
      Fuseki.outputFusekiServerHeader = false;
      AssetServlet assets = new AssetServlet(PageVocabulary.json(iris.base(), settings.maxRows()));
      FusekiServer.Builder fuseki =
          FusekiServer.create()
              .port(port)
              .enablePing(true)
              .enableCors(false)
              .enableStats(false)
              .enableMetrics(false)
              .enableTasks(false)
              .enableCompact(false)
              .registerOperation(
                  Operation.Query,
                  new SafeQueryProcessor(
                      settings, new ServiceDescription(settings, writer != null)))
              .registerOperation(Operation.GSP_R, new CappedGraphStoreRead(settings.maxRows()))
              .add(DATASET, dataService(store.dataset()))
              .addServlet(
                  "/q/*",
                  new NamedQueryServlet(
                      store.dataset(), QueryCatalog.load(), new ParamBinder(store, iris), settings))
              .addServlet("/assets/*", assets)
              .addServlet("/webjars/*", assets)
              .addServlet("", assets);
      if (corsOrigin != null) {
        fuseki.addFilter("/*", corsFilter());
      }
      if (writer != null) {
        fuseki.securityHandler(securityHandler());
      }
      servlets.forEach(m -> fuseki.addServlet(m.pathSpec, m.servlet));
      FusekiServer server = fuseki.build();
      bindHost(server);
      stopGracefully(server);
      return new NewsgraphServer(server, host);
    }

    private Filter corsFilter() {
      return new CorsFilter(corsOrigin);
    }

    private DataService dataService(DatasetGraph dataset) {
      DataService.Builder service =
          DataService.newBuilder(dataset)
              .addEndpoint(Operation.Query, "sparql")
              .addEndpoint(Operation.Query, "query")
              .addEndpoint(Operation.GSP_R, "get");
      if (writer != null) {
        AuthPolicy onlyWriter = Auth.policyAllowSpecific(writer.user());
        service
            .addEndpoint(Operation.Update, "update", onlyWriter)
            .addEndpoint(Operation.GSP_RW, "data", onlyWriter);
      }
      return service.build();
    }

    private ConstraintSecurityHandler securityHandler() {
      ConstraintSecurityHandler handler =
          JettySecurityLib.makeSecurityHandler(
              "newsgraph",
              JettySecurityLib.makeUserStore(writer.user(), writer.password()),
              AuthScheme.BASIC);
      // Only the write endpoints ask for a password; queries stay open to whoever can reach the
      // port.
      JettySecurityLib.addPathConstraint(handler, "/" + DATASET + "/update");
      JettySecurityLib.addPathConstraint(handler, "/" + DATASET + "/data");
      return handler;
    }

    /**
     * On stop, Jetty first refuses new requests and waits for those in flight (bounded: no query
     * outlives the query timeout), instead of cutting them off.
     */
    private void stopGracefully(FusekiServer server) {
      Server jetty = server.getJettyServer();
      jetty.setHandler(
          new GracefulHandler(
              new ServerHeader(
                  new BodyDrainHandler(jetty.getHandler(), BodyDrainHandler.DEFAULT_LIMIT))));
      long wait = Math.min(settings.timeout().toMillis(), MAX_STOP_WAIT_MS) + 1_000;
      jetty.setStopTimeout(wait);
    }

    /** Fuseki main knows only "loopback or all"; the connector takes any interface. */
    private void bindHost(FusekiServer server) {
      for (Connector connector : server.getJettyServer().getConnectors()) {
        if (connector instanceof ServerConnector http) {
          http.setHost(host);
        }
      }
    }
  }

  private record Mount(String pathSpec, HttpServlet servlet) {}

  /** Names the server in every response: {@code newsgraph/0.1.0 (Apache Jena Fuseki 5.6.0)}. */
  private static final class ServerHeader extends Handler.Wrapper {

    private static final String NAME =
        "newsgraph/" + Versions.newsgraph() + " (Apache Jena Fuseki " + Versions.jena() + ")";

    ServerHeader(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      response.getHeaders().put(HttpHeader.SERVER, NAME);
      return super.handle(request, response, callback);
    }
  }
}
