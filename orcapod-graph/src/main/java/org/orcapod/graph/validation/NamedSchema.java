package org.orcapod.graph.validation;

import org.orcapod.graph.RowSchema;

/** An input's schema with the name of the node it comes from. */
record NamedSchema(String name, RowSchema schema) {}
