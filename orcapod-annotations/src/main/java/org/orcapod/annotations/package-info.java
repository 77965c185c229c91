/**
 * The annotations that turn plain Java methods and interfaces into orcapod pipeline elements.
 *
 * <p>They carry no behaviour; the annotation processor reads them at compile time.
 */
package org.orcapod.annotations;
