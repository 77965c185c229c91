/**
 * Test helpers shared across modules: conditions for tests that need external services.
 *
 * <p>Published in orcapod-runtime's test jar.
 */
@NullMarked
package org.orcapod.testing;

import org.jspecify.annotations.NullMarked;
