"""Reads a network export of newsgraph with networkx, as a user would, and says what it found.

Usage: python3 read_network.py graphml|gexf FILE

Prints one JSON object: the networkx version, the number of nodes and of edges, the sum of the
edge weights (an edge without a weight counts 1), whether the graph is directed, and the node ids
that have a label.
"""

import json
import sys

import networkx
from networkx.readwrite import gexf


def teach_gexf_1_3():
    """Lets an older networkx read GEXF 1.3.

    networkx 3.6 reads GEXF 1.3 with the reader it uses for 1.2draft, under the 1.3 namespace.
    Earlier versions, such as the 2.8 of Debian 12, have a table of versions that stops at
    1.2draft; this adds the 1.3 namespace to that table and changes nothing else.
    """
    versions = gexf.GEXF.versions
    if "1.3" not in versions:
        entry = dict(versions["1.2draft"])
        entry.update(
            NS_GEXF="http://gexf.net/1.3",
            NS_VIZ="http://gexf.net/1.3/viz",
            VERSION="1.3",
        )
        versions["1.3"] = entry


def main(kind, path):
    if kind == "graphml":
        graph = networkx.read_graphml(path)
    elif kind == "gexf":
        teach_gexf_1_3()
        graph = networkx.read_gexf(path)
    else:
        raise SystemExit("unknown kind: " + kind)
    weight = sum(data.get("weight", 1) for _, _, data in graph.edges(data=True))
    print(
        json.dumps(
            {
                "networkx": networkx.__version__,
                "nodes": graph.number_of_nodes(),
                "edges": graph.number_of_edges(),
                "weight": weight,
                "directed": graph.is_directed(),
                "labelled": sorted(n for n, data in graph.nodes(data=True) if "label" in data),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
