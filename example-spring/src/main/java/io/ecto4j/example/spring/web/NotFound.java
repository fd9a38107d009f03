package io.ecto4j.example.spring.web;

import io.ecto4j.repo.NoResultsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@code repo.getOrThrow} as 404, the way Phoenix turns {@code Repo.get!}'s {@code NoResultsError}
 * into a not-found page: actions fetch with the throwing form and stay free of the branch.
 */
@RestControllerAdvice
class NotFound {
  @ExceptionHandler(NoResultsException.class)
  ProblemDetail notFound(NoResultsException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
