package io.github.bratsensemble.preprocessor.registration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The last few steps {@code s} and gradient changes {@code y} of a minimisation, from which the
 * two-loop recursion of limited-memory BFGS builds a search direction that approximates the Newton
 * step. Pairs with {@code s . y
 * <= 0} carry no curvature information and are skipped. Thread-confined.
 */
final class QuasiNewtonMemory {
  private record Pair(double[] s, double[] y, double rho) {}

  private final int capacity;
  private final Deque<Pair> pairs = new ArrayDeque<>();

  QuasiNewtonMemory(int capacity) {
    this.capacity = capacity;
  }

  boolean isEmpty() {
    return pairs.isEmpty();
  }

  /** Records an accepted step from the gradient before it to the gradient after it. */
  void add(double[] step, double[] gradientBefore, double[] gradientAfter) {
    double[] y = new double[step.length];
    double sy = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = gradientAfter[i] - gradientBefore[i];
      sy += step[i] * y[i];
    }
    if (!(sy > 0)) {
      return;
    }
    pairs.addFirst(new Pair(step.clone(), y, 1 / sy));
    if (pairs.size() > capacity) {
      pairs.removeLast();
    }
  }

  /** Returns the search direction {@code -H g}; with an empty memory this is {@code -g}. */
  double[] direction(double[] gradient) {
    double[] q = gradient.clone();
    double[] alpha = new double[pairs.size()];
    int k = 0;
    for (Pair pair : pairs) {
      alpha[k] = pair.rho() * dot(pair.s(), q);
      axpy(-alpha[k], pair.y(), q);
      k++;
    }
    if (!pairs.isEmpty()) {
      Pair newest = pairs.peekFirst();
      double gamma = dot(newest.s(), newest.y()) / dot(newest.y(), newest.y());
      for (int i = 0; i < q.length; i++) {
        q[i] *= gamma;
      }
    }
    Iterator<Pair> oldestFirst = pairs.descendingIterator();
    k = pairs.size() - 1;
    while (oldestFirst.hasNext()) {
      Pair pair = oldestFirst.next();
      double beta = pair.rho() * dot(pair.y(), q);
      axpy(alpha[k] - beta, pair.s(), q);
      k--;
    }
    for (int i = 0; i < q.length; i++) {
      q[i] = -q[i];
    }
    return q;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }
}
