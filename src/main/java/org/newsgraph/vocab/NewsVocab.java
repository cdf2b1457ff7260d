package org.newsgraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the newsgraph ontology ({@code ontology/news.ttl}) and the external terms the
 * mapping uses, as Jena nodes. Every term here is defined or aligned in the ontology file; a test
 * checks that the two agree.
 */
public final class NewsVocab {

  /** The ontology namespace. */
  public static final String NS = "https://w3id.org/newsgraph/ns#";

  /** schema.org, in the namespace its own JSON-LD context uses. */
  public static final String SCHEMA = "http://schema.org/";

  /** SKOS. */
  public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

  /** Dublin Core terms. */
  public static final String DCTERMS = "http://purl.org/dc/terms/";

  /** PROV-O. */
  public static final String PROV = "http://www.w3.org/ns/prov#";

  /** XML Schema datatypes. */
  public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

  /** RDF. */
  public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

  /** RDFS. */
  public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

  /** OWL. */
  public static final String OWL = "http://www.w3.org/2002/07/owl#";

  /** FOAF. */
  public static final String FOAF = "http://xmlns.com/foaf/0.1/";

  // news: classes
  public static final Node ARTICLE = news("Article");
  public static final Node PROVIDER = news("Provider");
  public static final Node TOPIC = news("Topic");
  public static final Node IMAGE = news("Image");
  public static final Node TAG = news("Tag");
  public static final Node SERVICE = news("Service");

  // news: properties
  public static final Node RELATED = news("related");

  /** An inferred same-story link between two articles (symmetric, stored both ways). */
  public static final Node SAME_STORY = news("sameStory");

  /** An inferred copy: the later article repeats the text of the earliest one it points to. */
  public static final Node COPY_OF = news("copyOf");

  /** The class of inferred similarities: one node per similar pair of articles. */
  public static final Node SIMILARITY = news("Similarity");

  /** The two articles of a similarity. */
  public static final Node BETWEEN = news("between");

  /** A similarity's score, an xsd:decimal in [0, 1]. */
  public static final Node SCORE = news("score");

  /** The class of the link inference method, with its settings. */
  public static final Node LINK_INFERENCE = news("LinkInference");

  /** PROV-O's wasGeneratedBy. */
  public static final Node PROV_WAS_GENERATED_BY = NodeFactory.createURI(PROV + "wasGeneratedBy");

  /** Dublin Core's description. */
  public static final Node DCTERMS_DESCRIPTION = NodeFactory.createURI(DCTERMS + "description");

  public static final Node CANONICAL_URL = news("canonicalUrl");
  public static final Node ORIGINAL_URL = news("originalUrl");
  public static final Node AMP_URL = news("ampUrl");
  public static final Node CDN_AMP_URL = news("cdnAmpUrl");
  public static final Node ITEM_TYPE = news("itemType");
  public static final Node CATEGORY = news("category");
  public static final Node QUALITY = news("quality");
  public static final Node HEAT = news("heat");
  public static final Node PUBLISHED = news("published");
  public static final Node SECURED = news("secured");
  public static final Node DOMAIN = news("domain");
  public static final Node NAME_AS_CITED = news("nameAsCited");
  public static final Node WIDTH = news("width");
  public static final Node HEIGHT = news("height");
  public static final Node IS_CACHED = news("isCached");
  public static final Node ATTRIBUTION = news("attribution");
  public static final Node LOGO = news("logo");
  public static final Node SOURCE_URL = news("sourceUrl");
  public static final Node FEATURED_CONTENT = news("featuredContent");
  public static final Node HIGHLIGHT = news("highlight");
  public static final Node SITE_PATH = news("sitePath");
  public static final Node ABOUT_ENTITY = news("aboutEntity");
  public static final Node TAG_PROP = news("tag");
  public static final Node AUTHOR_NAME = news("authorName");
  public static final Node PUBLISHER_NAME = news("publisherName");
  public static final Node HASHTAG = news("hashtag");
  public static final Node REGEX = news("regex");
  public static final Node SERVICE_PROP = news("service");
  public static final Node SERVICE_NAME = news("serviceName");
  public static final Node VOLUME = news("volume");

  // external terms
  public static final Node RDF_TYPE = NodeFactory.createURI(RDF + "type");
  public static final Node SCHEMA_NEWS_ARTICLE = schema("NewsArticle");
  public static final Node SCHEMA_VIDEO_OBJECT = schema("VideoObject");
  public static final Node SCHEMA_CREATIVE_WORK = schema("CreativeWork");
  public static final Node SCHEMA_ORGANIZATION = schema("Organization");
  public static final Node SCHEMA_IMAGE_OBJECT = schema("ImageObject");
  public static final Node SCHEMA_HEADLINE = schema("headline");
  public static final Node SCHEMA_DESCRIPTION = schema("description");
  public static final Node SCHEMA_DATE_PUBLISHED = schema("datePublished");
  public static final Node SCHEMA_DATE_MODIFIED = schema("dateModified");
  public static final Node SCHEMA_URL = schema("url");
  public static final Node SCHEMA_PUBLISHER = schema("publisher");
  public static final Node SCHEMA_NAME = schema("name");
  public static final Node SCHEMA_ABOUT = schema("about");
  public static final Node SCHEMA_IMAGE = schema("image");
  public static final Node SCHEMA_CONTENT_URL = schema("contentUrl");
  public static final Node SCHEMA_CAPTION = schema("caption");
  public static final Node SKOS_CONCEPT = NodeFactory.createURI(SKOS + "Concept");
  public static final Node SCHEMA_TEXT = schema("text");
  public static final Node SCHEMA_IN_LANGUAGE = schema("inLanguage");
  public static final Node SCHEMA_KEYWORDS = schema("keywords");
  public static final Node SCHEMA_MENTIONS = schema("mentions");
  public static final Node SCHEMA_ALTERNATE_NAME = schema("alternateName");
  public static final Node SKOS_CONCEPT_SCHEME = NodeFactory.createURI(SKOS + "ConceptScheme");
  public static final Node SKOS_PREF_LABEL = NodeFactory.createURI(SKOS + "prefLabel");
  public static final Node SKOS_ALT_LABEL = NodeFactory.createURI(SKOS + "altLabel");
  public static final Node SKOS_BROADER = NodeFactory.createURI(SKOS + "broader");
  public static final Node SKOS_IN_SCHEME = NodeFactory.createURI(SKOS + "inScheme");
  public static final Node SKOS_TOP_CONCEPT_OF = NodeFactory.createURI(SKOS + "topConceptOf");
  public static final Node SKOS_DEFINITION = NodeFactory.createURI(SKOS + "definition");
  public static final Node DCTERMS_IDENTIFIER = NodeFactory.createURI(DCTERMS + "identifier");
  public static final Node DCTERMS_SOURCE = NodeFactory.createURI(DCTERMS + "source");
  public static final Node RDFS_LABEL = NodeFactory.createURI(RDFS + "label");
  public static final Node OWL_SAME_AS = NodeFactory.createURI(OWL + "sameAs");

  private NewsVocab() {}

  /** A term of the news namespace. */
  public static Node news(String localName) {
    return NodeFactory.createURI(NS + localName);
  }

  /** A schema.org term. */
  public static Node schema(String localName) {
    return NodeFactory.createURI(SCHEMA + localName);
  }
}
