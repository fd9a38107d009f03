package io.ecto4j.processor.build;

import static io.ecto4j.processor.build.Javac.source;

import javax.tools.JavaFileObject;

/** The schemas the build tests compile: a shelf of books, and a label that stands alone. */
final class Shop {
  static final JavaFileObject SHELF = source("shop.Shelf", """
      package shop;

      import io.ecto4j.schema.*;
      import java.util.List;

      @Schema("shelves")
      @Timestamps
      public interface Shelf {
        @Field(unique = true) String label();
        @HasMany List<Book> books();
      }
      """);

  static final JavaFileObject BOOK = source("shop.Book", """
      package shop;

      import io.ecto4j.schema.*;

      @Schema("books")
      public interface Book {
        @Field String title();
        @BelongsTo Shelf shelf();
      }
      """);

  /** The book with a changeset function, whose signature names the struct. */
  static final JavaFileObject BOOK_WITH_CHANGESET = source("shop.Book", """
      package shop;

      import io.ecto4j.changeset.Changeset;
      import io.ecto4j.schema.*;
      import java.util.Map;

      @Schema("books")
      public interface Book {
        @Field String title();
        @BelongsTo Shelf shelf();

        static Changeset<BookStruct> changeset(BookStruct book, Map<String, ?> params) {
          return Changeset.cast(book, params, Books.TITLE);
        }
      }
      """);

  static final JavaFileObject STICKER = source("shop.Sticker", """
      package shop;

      import io.ecto4j.schema.*;

      @Schema("stickers")
      public interface Sticker {
        @Field String text();
      }
      """);

  private Shop() {}
}
