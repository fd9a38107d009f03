package com.example.blog;

/** The filters a search form sends, each optional (queries.md, "Building queries dynamically"). */
public record PostFilter(Boolean published, Integer minViews, String search) {
}
