/** Model files: local paths, or URLs downloaded once into a cache and checked by SHA-256. */
package io.github.bratsensemble.inference.models;
