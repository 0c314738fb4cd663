/* Kazakh for search: the stemmer and the reading of the 2021 Latin alphabet, in the browser.
 *
 * The same specification as constitution/core/kazakh.py, which is the one to read for the
 * rules: SPEC below is constitution/core/kazakh.json, embedded between the markers (the tests
 * check it is that file, and that this script and the Python stem and read every row of
 * tests/data/stemmer/kk.tsv alike). Plain ES5: loaded by the search worker with importScripts,
 * and by Node in the tests. Defines self.kazakh = {stem, fromLatin, lower}.
 */
(function () {
  "use strict";
  var root = typeof self !== "undefined" ? self : globalThis;

  // kazakh.json: begin
  var SPEC = {
  "about": "The one specification of Kazakh search: the stemmer's suffixes and exceptions, and the reading of the 2021 Latin alphabet. constitution/core/kazakh.py (the build, the tests) and overrides/assets/javascripts/workers/kazakh.js (the search worker, which embeds this file between its spec markers) implement it; tests/unit/core/test_kazakh.py checks that they agree.",
  "stemmer": {
    "alphabet": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    "vowels": "аәеёиоөуұүыіэюя",
    "conditions": {
      "any": {},
      "after_vowel_stem": {"letters": "аәеэюя", "endings": ["шы", "ші"], "why": "a vowel a Kazakh word ends in: not the ы/і of a possessive (мәжілісі is мәжіліс-і) but an agent noun's -шы/-ші (басшысы); never о, ө, ұ, ү (мазмұны is мазмұн-ы)"},
      "after_consonant": {"letters": "бвгғджзйкқлмнңпрстуфхһцчшщъьи"},
      "after_voiceless": {"letters": "кқпстфхһцчшщ"},
      "after_possessive": {"letters": "ыі"}
    },
    "min_stem": 3,
    "short_stems": ["ай", "ат", "ел", "ем", "ер", "ой", "су", "ту", "іс", "үй", "ұл", "ән", "әр", "өз"],
    "short_verb_stems": ["ал", "аш", "ет", "өт"],
    "slots": [
      {
        "id": "finite_verb", "verb": true, "why": "3rd person present-future, and the negation of it and of the past (болмайды, болмады), the habitual participle after a vowel and negated (қорғайтын, келмейтін); a verb's stem takes no case, so nothing more is stripped (бағынады is бағын-ады). -йды after a vowel is left to the case slot: құрылтайды is the accusative of құрылтай; and -атын too: азаматын is азамат-ы-н",
        "last": true,
        "suffixes": [
          ["майтын", "any"], ["мейтін", "any"], ["байтын", "any"], ["бейтін", "any"], ["пайтын", "any"], ["пейтін", "any"],
          ["йтын", "after_vowel_stem"], ["йтін", "after_vowel_stem"],
          ["майды", "any"], ["мейді", "any"], ["байды", "any"], ["бейді", "any"], ["пайды", "any"], ["пейді", "any"],
          ["мады", "any"], ["меді", "any"], ["бады", "any"], ["беді", "any"], ["пады", "any"], ["педі", "any"],
          ["ады", "after_consonant"], ["еді", "after_consonant"]
        ]
      },
      {
        "id": "attribute", "why": "the locative turned attribute (-дағы), and the time or place attribute -ғы/-гі after a consonant (жылғы)",
        "suffixes": [
          ["ндағы", "after_possessive"], ["ндегі", "after_possessive"],
          ["дағы", "any"], ["дегі", "any"], ["тағы", "after_voiceless"], ["тегі", "after_voiceless"],
          ["ғы", "after_consonant"], ["гі", "after_consonant"]
        ]
      },
      {
        "id": "case",
        "suffixes": [
          ["ның", "any"], ["нің", "any"], ["дың", "after_consonant"], ["дің", "after_consonant"], ["тың", "after_voiceless"], ["тің", "after_voiceless"],
          ["ға", "any"], ["ге", "any"], ["қа", "after_voiceless"], ["ке", "after_voiceless"], ["на", "after_possessive"], ["не", "after_possessive"],
          ["ны", "after_vowel_stem"], ["ні", "after_vowel_stem"], ["ды", "after_consonant"], ["ді", "after_consonant"], ["ты", "after_voiceless"], ["ті", "after_voiceless"], ["н", "after_possessive"],
          ["да", "any"], ["де", "any"], ["та", "after_voiceless"], ["те", "after_voiceless"], ["нда", "after_possessive"], ["нде", "after_possessive"],
          ["дан", "any"], ["ден", "any"], ["тан", "after_voiceless"], ["тен", "after_voiceless"], ["нан", "any"], ["нен", "any"],
          ["мен", "any"], ["бен", "any"], ["пен", "any"]
        ]
      },
      {
        "id": "possessive", "why": "3rd person, and 1st and 2nd person plural (еліміз); 1st and 2nd singular -ым/-ім/-ың/-ің are left out: legal text has none, and the -ым/-ім of бөлім, білім, ұйым, басылым, құрылым is no possessive",
        "suffixes": [
          ["ымыз", "after_consonant"], ["іміз", "after_consonant"], ["мыз", "after_vowel_stem"], ["міз", "after_vowel_stem"],
          ["ыңыз", "after_consonant"], ["іңіз", "after_consonant"], ["ңыз", "after_vowel_stem"], ["ңіз", "after_vowel_stem"],
          ["сы", "after_vowel_stem"], ["сі", "after_vowel_stem"], ["ы", "after_consonant"], ["і", "after_consonant"]
        ]
      },
      {
        "id": "plural",
        "suffixes": [
          ["лар", "any"], ["лер", "any"], ["дар", "after_consonant"], ["дер", "after_consonant"], ["тар", "after_voiceless"], ["тер", "after_voiceless"]
        ]
      },
      {
        "id": "participle", "verb": true, "why": "the past participle, which legal text uses as noun and attribute (берілген, жарияланған), and the habitual one of the first slot when a case follows it (болмайтынын)",
        "suffixes": [
          ["ған", "any"], ["ген", "any"], ["қан", "after_voiceless"], ["кен", "after_voiceless"],
          ["майтын", "any"], ["мейтін", "any"], ["байтын", "any"], ["бейтін", "any"], ["пайтын", "any"], ["пейтін", "any"],
          ["йтын", "after_vowel_stem"], ["йтін", "after_vowel_stem"]
        ]
      },
      {
        "id": "verbal_noun", "verb": true, "why": "verbal noun -у (сайлау, болу, қорғау): its forms meet the verb's",
        "suffixes": [["у", "any"]]
      }
    ],
    "alternations": {"ғ": "қ", "г": "к", "б": "п"},
    "keep": ["арман", "атау", "ағылшын", "ағын", "ақпан", "ақы", "ақын", "басқа", "белгі", "бүгін", "дейін", "жалақы", "жалын", "жиын", "заман", "зейнетақы", "кейін", "келесі", "келін", "кеңес", "күрес", "майдан", "мекен", "мүдде", "мүмкін", "мәтін", "нысан", "нышан", "нұсқа", "ойын", "орган", "орын", "отан", "отбасы", "тарау", "тегін", "тиісті", "туған", "түйін", "тұрақты", "қазақстан", "қиын", "қорған", "үлкен", "үшін", "ұлы", "ұран", "әнұран", "әрі"],
    "keep_endings": {"endings": ["шы", "ші"], "min_length": 5, "why": "an agent noun (басшы, сайлаушы, кеңесші) keeps its -шы/-ші; күші is күш-і"},
    "vowel_drop": {"ауз": "ауыз", "даус": "дауыс", "ерк": "ерік", "ерн": "ерін", "көрк": "көрік", "мұрн": "мұрын", "ойн": "ойын", "орн": "орын", "халқ": "халық", "ырқ": "ырық", "қойн": "қойын", "құлқ": "құлық"}
  },
  "latin": {
    "letters": {
      "a": "а", "ä": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "h": "х", "ı": "і",
      "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о", "ö": "ө", "p": "п", "q": "қ",
      "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "v": "в", "y": "ы", "z": "з",
      "c": "ц", "ch": "ч", "ia": "я", "iu": "ю"
    },
    "dotted_i": {"after_vowel": "й", "otherwise": "и"},
    "vowels": "aäeıioöuūüy",
    "upper": {"A": "a", "Ä": "ä", "B": "b", "C": "c", "D": "d", "E": "e", "F": "f", "G": "g", "Ğ": "ğ", "H": "h", "I": "ı", "İ": "i",
      "J": "j", "K": "k", "L": "l", "M": "m", "N": "n", "Ñ": "ñ", "O": "o", "Ö": "ö", "P": "p", "Q": "q", "R": "r",
      "S": "s", "Ş": "ş", "T": "t", "U": "u", "Ū": "ū", "Ü": "ü", "V": "v", "Y": "y", "Z": "z"},
    "tse_before_ia": {"find": "сия", "replace": "ция", "unless_after": "снрл"},
    "loanwords": {
      "обект": "объект", "субект": "субъект", "сифр": "цифр", "сензур": "цензур", "сентр": "центр",
      "просес": "процес", "принсип": "принцип", "економ": "эконом", "еколог": "эколог", "електр": "электр",
      "енерг": "энерг", "експорт": "экспорт", "експерт": "эксперт"
    }
  }
};
  // kazakh.json: end

  var COMBINING_DOT = "\u0307";
  var rules = SPEC.stemmer;
  var latin = SPEC.latin;

  function longestFirst(suffixes) {
    var indexed = suffixes.map(function (suffix, index) { return [suffix, index]; });
    indexed.sort(function (a, b) { return (b[0][0].length - a[0][0].length) || (a[1] - b[1]); });
    return indexed.map(function (pair) { return pair[0]; });
  }
  var slots = rules.slots.map(function (slot) { return longestFirst(slot.suffixes); });
  var lastSlots = rules.slots.map(function (slot) { return slot.last === true; });
  var verbSlots = rules.slots.map(function (slot) { return slot.verb === true; });

  function contains(list, item) {
    return list.indexOf(item) !== -1;
  }

  function endsWith(text, suffix) {
    return text.length >= suffix.length && text.slice(text.length - suffix.length) === suffix;
  }

  // long enough, with a vowel; or a short stem (a verb's only before a verb's suffix: алды is алд-ы)
  function isStem(candidate, verb) {
    if (contains(rules.short_stems, candidate) || (verb && contains(rules.short_verb_stems, candidate))) return true;
    if (candidate.length < rules.min_stem) return false;
    for (var i = 0; i < candidate.length; i++) {
      if (rules.vowels.indexOf(candidate.charAt(i)) !== -1) return true;
    }
    return false;
  }

  function kept(candidate) {
    if (contains(rules.keep, candidate)) return true;
    var endings = rules.keep_endings;
    if (candidate.length < endings.min_length) return false;
    for (var e = 0; e < endings.endings.length; e++) {
      if (endsWith(candidate, endings.endings[e])) return true;
    }
    return false;
  }

  function allowed(rest, condition, verb) {
    var fits = rules.conditions[condition];
    if (fits.letters !== undefined) {
      var fit = rest !== "" && fits.letters.indexOf(rest.charAt(rest.length - 1)) !== -1;
      var endings = fits.endings || [];
      for (var e = 0; e < endings.length && !fit; e++) fit = endsWith(rest, endings[e]);
      if (!fit) return false;
    }
    return isStem(rest, verb);
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  var stems = {};  // each query word stemmed once (the index comes stemmed from the build: core/kazakh.py)

  function stem(word) {
    var key = "_" + word;  // never a property of every object (__proto__)
    if (!has(stems, key)) stems[key] = stemOnce(word);
    return stems[key];
  }

  function stemOnce(word) {
    for (var i = 0; i < word.length; i++) {
      if (rules.alphabet.indexOf(word.charAt(i)) === -1) return word;
    }
    if (!isStem(word)) return word;
    var current = word;
    // a word of `keep` the word begins with is never cut into: отаны is отан-ы, not ота-ны
    var protect = null;
    for (var p = 0; p < rules.keep.length; p++) {
      var candidate = rules.keep[p];
      if (word.indexOf(candidate) === 0 && (protect === null || candidate.length > protect.length)) protect = candidate;
    }
    for (var s = 0; s < slots.length; s++) {
      if (kept(current)) return current;
      var suffixes = slots[s];
      for (var k = 0; k < suffixes.length; k++) {
        var rest = current.slice(0, current.length - suffixes[k][0].length);
        if (!endsWith(current, suffixes[k][0]) || (protect !== null && rest.length < protect.length)) continue;
        if (rest === protect) return rest;  // whatever the suffix's condition: зейнетақысы is зейнетақы-сы
        if (allowed(rest, suffixes[k][1], verbSlots[s])) {
          current = rest;
          break;
        }
      }
      if (lastSlots[s] && current !== word) break;  // a finite verb's stem: no case, possessive or plural before its ending
    }
    if (kept(current)) return current;
    var last = current.charAt(current.length - 1);
    current = current.slice(0, -1) + (has(rules.alternations, last) ? rules.alternations[last] : last);
    return has(rules.vowel_drop, current) ? rules.vowel_drop[current] : current;
  }

  function composed(text) {
    return text.normalize ? text.normalize("NFC") : text;  // ES5 engines have no normalize
  }

  function lower(text) {
    return composed(text).replace(/İ/g, "i").replace(/I/g, "ı").toLowerCase()
      .split("i" + COMBINING_DOT).join("i");
  }

  var wordLetters = [COMBINING_DOT];
  Object.keys(latin.upper).forEach(function (capital) {
    wordLetters.push(capital, latin.upper[capital]);
  });
  var latinWord = new RegExp("[" + wordLetters.join("") + "]+", "g");

  function latinToCyrillic(word) {
    var text = "";
    for (var i = 0; i < word.length; i++) {
      var letter = word.charAt(i);
      text += has(latin.upper, letter) ? latin.upper[letter] : letter;
    }
    text = text.split("i" + COMBINING_DOT).join("i");
    var out = "";
    var index = 0;
    while (index < text.length) {
      var pair = text.slice(index, index + 2);
      if (pair.length === 2 && has(latin.letters, pair)) {
        out += latin.letters[pair];
        index += 2;
        continue;
      }
      var one = text.charAt(index);
      if (one === "i") {
        var afterVowel = index > 0 && latin.vowels.indexOf(text.charAt(index - 1)) !== -1;
        out += latin.dotted_i[afterVowel ? "after_vowel" : "otherwise"];
      } else {
        out += has(latin.letters, one) ? latin.letters[one] : one;
      }
      index += 1;
    }
    var tse = latin.tse_before_ia;
    var found = out.indexOf(tse.find, 1);
    while (found > 0) {
      if (tse.unless_after.indexOf(out.charAt(found - 1)) === -1) {
        out = out.slice(0, found) + tse.replace + out.slice(found + tse.find.length);
      }
      found = out.indexOf(tse.find, found + 1);
    }
    var written = Object.keys(latin.loanwords);
    for (var w = 0; w < written.length; w++) {
      if (out.indexOf(written[w]) === 0) return latin.loanwords[written[w]] + out.slice(written[w].length);
    }
    return out;
  }

  function cased(word, model) {
    var capitals = 0;
    for (var i = 0; i < model.length; i++) {
      if (has(latin.upper, model.charAt(i))) capitals += 1;
    }
    if (capitals === model.length && model.length > 1) return word.toUpperCase();
    return has(latin.upper, model.charAt(0)) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  }

  function fromLatin(text) {
    return composed(text).replace(latinWord, function (word) {
      return cased(latinToCyrillic(word), word);
    });
  }

  root.kazakh = {stem: stem, fromLatin: fromLatin, lower: lower};
})();
