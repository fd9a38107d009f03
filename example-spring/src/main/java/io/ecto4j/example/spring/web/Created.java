package io.ecto4j.example.spring.web;

import io.ecto4j.Result;
import java.net.URI;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;

/** How a create action answers: 201 with the new resource and its location, or 422 with the errors. */
final class Created {
  private Created() {}

  static <T, E> ResponseEntity<Object> or422(Result<T, E> result, Function<T, Object> body,
      Function<T, URI> location, Function<E, Object> errors) {
    if (result instanceof Result.Ok<T, E> ok) {
      return ResponseEntity.created(location.apply(ok.value())).body(body.apply(ok.value()));
    }
    return ResponseEntity.unprocessableContent().body(errors.apply(((Result.Err<T, E>) result).error()));
  }
}
