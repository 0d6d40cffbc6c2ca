"use strict";
// Shows where a piece of text came from: its article, outlet and character span, highlighted in
// its paragraph, plus the same fact as other articles tell it. Article text only ever reaches the
// page through textContent, never as markup.
(function () {
  var dataNode = document.getElementById("np-data");
  if (!dataNode) { return; }
  var data = JSON.parse(dataNode.textContent);
  var panel = document.getElementById("source");
  var active = null;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // Offsets count Unicode code points (Python's str); JavaScript strings count UTF-16 units, so
  // an emoji before a sentence would shift every span. Articles are sliced as code point arrays.
  function chars(article) {
    if (!article.chars) { article.chars = Array.from(article.text); }
    return article.chars;
  }

  function slice(article, start, end) {
    return chars(article).slice(start, end).join("");
  }

  function paragraphBounds(points, start, end) {
    var from = start;
    while (from > 0 && points[from - 1] !== "\n" && start - from < data.context) { from -= 1; }
    var to = end;
    while (to < points.length && points[to] !== "\n" && to - end < data.context) { to += 1; }
    return [from, to];
  }

  function showArticleText(article, start, end) {
    var box = document.getElementById("source-text");
    var bounds = paragraphBounds(chars(article), start, end);
    box.textContent = "";
    box.appendChild(document.createTextNode(slice(article, 0, bounds[0])));
    var para = el("span", "para");
    para.appendChild(document.createTextNode(slice(article, bounds[0], start)));
    var mark = el("mark", null, slice(article, start, end));
    para.appendChild(mark);
    para.appendChild(document.createTextNode(slice(article, end, bounds[1])));
    box.appendChild(para);
    box.appendChild(document.createTextNode(slice(article, bounds[1])));
    box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }

  function refOf(node) {
    return {
      article: parseInt(node.getAttribute("data-a"), 10),
      start: parseInt(node.getAttribute("data-s"), 10),
      end: parseInt(node.getAttribute("data-e"), 10),
      fact: node.getAttribute("data-f")
    };
  }

  function show(ref) {
    var article = data.articles[ref.article];
    if (!article) { return; }
    open(true);  // first, so that the scroll position below can be measured
    var badge = document.getElementById("source-outlet");
    badge.textContent = article.outlet;
    badge.className = "badge c" + article.colour;
    var title = document.getElementById("source-title");
    title.textContent = "";
    if (article.url) {
      var link = el("a", null, article.title);
      link.href = article.url;
      link.rel = "noopener noreferrer";
      title.appendChild(link);
    } else {
      title.textContent = article.title;
    }
    var where = document.getElementById("source-where");
    where.textContent =
      "article " + article.id + " · characters " + ref.start + "–" + ref.end + " of " + chars(article).length;
    if (article.page) {  // served by newsprism serve: the whole article, the span highlighted
      var whole = el("a", "open-article", "open the article");
      whole.href = article.page + "?start=" + ref.start + "&end=" + ref.end + "#highlight";
      where.appendChild(document.createTextNode(" · "));
      where.appendChild(whole);
    }
    showArticleText(article, ref.start, ref.end);
    showOthers(ref);
  }

  function showOthers(ref) {
    var box = document.getElementById("source-others");
    box.textContent = "";
    var spans = (ref.fact && data.facts[ref.fact]) || [];
    var others = spans.filter(function (s) {
      return !(s[0] === ref.article && s[1] === ref.start && s[2] === ref.end);
    });
    if (!others.length) { box.hidden = true; return; }
    box.hidden = false;
    box.appendChild(el("strong", null, "The same fact in " + others.length + " other sentence" + (others.length > 1 ? "s" : "")));
    var list = el("ul");
    others.forEach(function (s) {
      var article = data.articles[s[0]];
      var item = el("li");
      item.appendChild(el("span", "badge c" + article.colour, article.outlet));
      var words = el("span", "src", slice(article, s[1], s[2]));
      words.tabIndex = 0;
      words.setAttribute("role", "button");
      words.setAttribute("data-a", s[0]);
      words.setAttribute("data-s", s[1]);
      words.setAttribute("data-e", s[2]);
      words.setAttribute("data-f", ref.fact);
      item.appendChild(words);
      list.appendChild(item);
    });
    box.appendChild(list);
  }

  function open(on) {
    panel.hidden = !on;
    document.body.classList.toggle("panel-open", on);
    if (!on && active) { active.classList.remove("active"); active = null; }
  }

  function activate(node) {
    if (active) { active.classList.remove("active"); }
    active = node;
    if (!panel.contains(node)) { node.classList.add("active"); }
    show(refOf(node));
  }

  document.addEventListener("click", function (event) {
    var node = event.target.closest("[data-a]");
    if (node) { activate(node); }
  });
  // Hovering names the source; the title is made on first hover to keep the page small.
  document.addEventListener("mouseover", function (event) {
    var node = event.target.closest("[data-a]");
    if (!node || node.hasAttribute("data-named") || node.querySelector("title")) { return; }
    var ref = refOf(node);
    var article = data.articles[ref.article];
    if (!article) { return; }
    var label = node.getAttribute("title");
    node.setAttribute("title", (label ? label + " · " : "") + article.outlet + " · " + article.title +
      " · characters " + ref.start + "–" + ref.end + " (click to see it in its paragraph)");
    node.setAttribute("data-named", "");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { open(false); return; }
    if (event.key !== "Enter" && event.key !== " ") { return; }
    var node = event.target.closest && event.target.closest("[data-a]");
    if (node) { event.preventDefault(); activate(node); }
  });
  document.getElementById("source-close").addEventListener("click", function () { open(false); });
  // Printed, every folded list is open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
