"""Hand-written inputs for the reader tests: a saved news page with a realistic <head>."""

ARTICLE_PARAGRAPHS = [
    "BAGHDAD, Aug. 2 (Reuters) - A spokesman for an Iraqi militia said on Sunday that there will be "
    "an appropriate response if all foreign troops do not leave the country by the end of the year.",
    "At the end of July, the two governments announced that the combat mission would end by the end "
    "of 2021, while advisers are expected to stay on to train and assist local forces.",
    "The militia has claimed several rocket attacks on bases hosting foreign troops since January, "
    "and officials said two drones were shot down near the airport last week.",
    "Parliament voted in January 2020 to expel foreign troops after a drone strike killed a senior "
    "commander near the airport, a vote the government has so far not enforced.",
]

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Iraqi militia warns of response if troops stay | Example News</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta property="og:type" content="article">
  <meta property="og:title" content="Iraqi militia warns of response if troops stay">
  <meta property="og:site_name" content="Example News">
  <meta property="og:url" content="https://news.example.org/world/iraq-militia-response">
  <meta property="article:published_time" content="2021-08-02T09:14:00+00:00">
  <meta property="article:modified_time" content="2021-08-04T17:02:00+00:00">
  <link rel="canonical" href="https://news.example.org/world/iraq-militia-response">
  <script type="application/ld+json">
  {"@context": "https://schema.org", "@type": "NewsArticle",
   "headline": "Iraqi militia warns of response if troops stay",
   "datePublished": "2021-08-02T09:14:00+00:00", "dateModified": "2021-08-04T17:02:00+00:00",
   "publisher": {"@type": "Organization", "name": "Example News"}}
  </script>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <main>
    <article>
      <h1>Iraqi militia warns of response if troops stay</h1>
      <p class="byline">By A. Reporter</p>
      PARAGRAPHS
    </article>
  </main>
  <aside><h2>Most read</h2><ul><li><a href="/a">Markets fall on Monday</a></li></ul></aside>
  <footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
</body>
</html>
""".replace("PARAGRAPHS", "\n      ".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS))

EMPTY_PAGE = """<!DOCTYPE html><html><head><title>Subscribe</title>
<meta property="article:published_time" content="2021-08-02"></head>
<body><nav><a href="/">Home</a></nav><footer>Copyright</footer></body></html>
"""
