"""Boilerplate known from one line alone: photo credits, captions, and the named line rules."""

from __future__ import annotations

import re

from layout.readers.text.chunks import CAPTION_WORDS
from layout.readers.text.lines import is_sentence

# --- photo credits and captions --------------------------------------------------------------

_AGENCY = (r"AP|AFP|dpa|DPA|Reuters|REUTERS|EPA|EFE|ANP|ANSA|APA|KNA|SID|Keystone|KEYSTONE|Getty(?: Images)?|"
           r"GETTY|IMAGO|Imago|imago|picture[- ]alliance|Shutterstock|iStock(?:photo)?|Unsplash|Pexels|Pixabay|"
           r"Alamy|SWNS|PA(?: Wire| Media| Images)?|Bloomberg|Xinhua|TASS|AAP|Europa Press|Sipa|NurPhoto|ZUMA|"
           r"Anadolu|Wikimedia(?: Commons)?|Flickr|Screenshots?|AP Photo|Kyodo|Yonhap|Interfax|ANI|PTI|IANS|Lusa|"
           r"Belga|Ritzau|NTB|CTK|PAP|Agerpres")
_AGENCY_WORD = re.compile(rf"(?<![\w-])(?:{_AGENCY})(?![\w-])")
_CREDIT_LABEL = (r"(?:Fotos?|Photos?|Photograph(?:y|ie)?|Pictures?|Images?|Image credit|Bild(?:er|quelle)?|"
                 r"Credits?|Crédits?|Crédito|Fuente|Illustration|Grafik|Fotografía|Foto ?\[M\])")
# a chart's or map's credit names its maker ("Chart: The Riverside Ledger"); "Map: Where the homes will go" heads
_GRAPHIC_CREDIT = r"(?:Charts?|Graphics?|Maps?|Karte|Infographi[ck]s?|Infografik)\s*:\s*(?:[A-ZÀ-Þ][\w.&'’/-]*\s*){1,5}$"
_CREDIT_START = re.compile(rf"^\(?(?:©|\(c\)|Copyright\b|{_CREDIT_LABEL}\s*:|(?:Photo(?:graph)?s?|Pictures?|"
                           rf"Illustrations?|Fotos?) (?:by|von|de|par|di)\s+[A-ZÀ-Þ]|(?-i:{_GRAPHIC_CREDIT}))", re.I)
_CREDIT_INSIDE = re.compile(
    rf"©|(?:^|[\s.!?)a-z]){_CREDIT_LABEL}\s*:\s*\S"                       # "... Foto: Name", "CupCredit: PA"
    rf"|\((?:[^()]*\b(?:{_CREDIT_LABEL}|{_AGENCY})\b[^()]*|[^()/]{{2,40}}/[^()]{{2,40}})\)?\s*$"  # "(Name/AP)"
    rf"|[.!?”\"][\s]*(?:[\w.-]+ ){{0,4}}(?:{_AGENCY})(?:/[^.!?]{{0,40}})?\s*$"  # "... town. AP Photo"
    rf"|[.!?]\s?[A-Z][\w-]+/ ?[A-Z][\w .-]{{2,40}}$"                            # "...kommen.Unsplash/K. S."
    rf"|(?:{_AGENCY})\s?/\s?[A-ZÀ-Þ][^()]{{0,40}}\)?\s*$"                       # "... EFE/ J.J. Guillén"
    rf"|\S\s+(?:\S+\s+){{3,}}(?:{_AGENCY})\s*\)?\s*$"                           # "... (Name/AP) AP Photo"
    r"|[.!?]\s*\([A-ZÀ-Þ][^()!?\s]*\s[^()!?]{2,60}\)$"                            # "... town. (U.S. Court)"
    r"|[.!?]\s+(?:Photos?|Photograph|Pictures?|Images?|Fotos?|Bild) (?:by|von|de|par)\s+[A-ZÀ-Þ][^.!?]{1,60}$"
    r"|\(\s*$")    # "... tonight ("; the one before: "... office. Photo by Jane Roe"


def agency(text: str) -> bool:
    """`text` is the name of a wire service or picture agency, and nothing else."""
    return _AGENCY_WORD.fullmatch(text.strip()) is not None


def credit(text: str) -> bool:
    """A line that is only a photo credit ("Foto: X", "© X", "Getty Images", "Name / Reuters")."""
    words = text.split()
    if len(words) > 12 or is_sentence(text) and not _CREDIT_START.match(text):
        return False
    if _CREDIT_START.match(text):
        return True
    if not all(_credit_word(w) for w in words):
        return False
    if _AGENCY_WORD.search(text):
        return True
    return len(words) <= 6 and text.endswith(")") and "(" not in text


def _credit_word(word: str) -> bool:
    word = word.strip("()[],;|")
    return not word or "/" in word or word[0].isupper() or word in ("via", "and", "und", "for", "für", "de", "y")


def split_credit(text: str) -> tuple[str, str]:
    """A caption and the credit its last sentence is ("... the café opened. Chart: The Ledger"), or the text
    and "" when it ends in none."""
    if credit(text):
        return "", text
    head, _, last = text.rpartition(". ")
    if head and credit(last.strip()):
        return head + ".", last.strip()
    return text, ""


def self_contained_credit(text: str) -> bool:
    """A credit in brackets of its own ("(Image credit: X)"): it names no caption beside it."""
    return text.startswith("(") and text.endswith(")")


def caption(text: str) -> bool:
    """A photo caption: text that carries its credit ("... © X", "... (Picture: X)", "... Foto: X")."""
    return len(text.split()) <= CAPTION_WORDS and bool(_CREDIT_INSIDE.search(text))


# --- boilerplate lines, one rule a reason ----------------------------------------------------

def _words_re(words: str) -> str:
    return "|".join(re.escape(w) for w in words.split("|"))


_LABELS = _words_re(
    "recommended|recommended videos|recommended for you|related|related posts|related stories|related articles|"
    "related content|related topics|read more|read next|what to read next|more|more stories|more on this story|"
    "most read|most popular|most viewed|more trending|trending|trending now|top stories|editor's picks|"
    "editors' picks|you may like|you might also like|latest videos|latest videos from|latest|up next|"
    "table of contents|contents|comments|join the conversation|follow us|newsletter|newsletters|news updates|"
    "video|videos|audio|gallery|photo gallery|photos|live|live updates|breaking|key event|tags|topics|"
    "about the author|full credits|mehr|mehr zum thema|mehr zu diesem thema|mehr themen|lesen sie auch|"
    "lesen sie mehr|lesen sie mehr zu diesen themen|auch interessant|das könnte sie auch interessieren|"
    "empfehlungen|meistgelesen|am beliebtesten|weitere artikel|weitere videos|weitere newsletter|bildstrecke|"
    "live-ticker|liveticker|passend zum artikel|weitere informationen|ende der weiteren informationen|"
    "quellen|quelle|hinweis|zur startseite|die autorin|der autor|zum thema|in kürze|"
    "noticia relacionada|noticias relacionadas|lee también|lea también|leer más|más información|"
    "te puede interesar|lo más leído|relacionado|relacionados|temas|lire aussi|lire la suite|à lire aussi|"
    "les plus lus|sur le même sujet|voir aussi|à voir aussi|à lire|en savoir plus|filed under|archivado en|"
    "lo más visto|schlagwörter|mots-clés|etiquetas|before you go|before you go…|ir a los comentarios|"
    "go to comments|zu den kommentaren|aller aux commentaires|am meisten gelesen|top gelesen|meistgelesene artikel|"
    "beliebteste artikel|meistkommentiert|most shared|most commented|les plus partagés|les plus commentés|"
    "i più letti|più letti|i più visti|più condivisi|lo más compartido|más leídas|lo más comentado|don't miss|"
    "nicht verpassen|à ne pas manquer|da non perdere|no te lo pierdas")
_TEASER_LABELS = re.compile(
    r"^(?:related(?: posts| stories| articles| content)?|read more|read next|what to read next|more stories|"
    r"more on this story|most read(?: in [\w ]+)?|most popular|most viewed|more trending|trending(?: now)?|"
    r"top stories|editor'?s'? picks|you may like|you might also like|latest videos(?: from)?|up next|"
    r"mehr zum thema|mehr zu diesem thema|mehr themen(?: auf [\w.]+)?|lesen sie (?:auch|mehr)(?: zu diesen themen)?|"
    r"auch interessant|das könnte sie auch interessieren|empfehlungen|meistgelesen|am beliebtesten|"
    r"weitere artikel|passend zum artikel|noticias? relacionadas?|lee también|lea también|te puede interesar|"
    r"lo más leído|lire aussi|à lire aussi|les plus lus|sur le même sujet|voir aussi|à voir aussi|am meisten gelesen|"
    r"top gelesen|meistgelesene artikel|beliebteste artikel|most shared|most commented|les plus partagés|"
    r"les plus commentés|i più letti|più letti|i più visti|più condivisi|lo más compartido|más leídas|don't miss|"
    r"nicht verpassen|à ne pas manquer|da non perdere|no te lo pierdas|"
    r"(?:popular|most (?:read|popular|viewed|shared)|trending|recommended)(?: (?:on|in|at|from) [\w'.-]+(?: [\w'.-]+){0,3})?|"
    r"les plus (?:lus|consultés|partagés|commentés)|(?:lo )?más (?:leíd[oa]s?|vistos?|compartidos?)|"
    r"meist(?:gelesen|geklickt|kommentiert)e?(?: artikel)?|"
    r"(?:mehr|more|plus|más) (?:aus|from|de|sobre) [\w'.-]+(?: [\w'.-]+){0,3}|related reading|à relire|"
    r"passend zum thema)\s*:?$", re.I)
_SHARE_WORDS = {
    "facebook", "x", "twitter", "whatsapp", "reddit", "pinterest", "linkedin", "tumblr", "flipboard", "threads",
    "telegram", "email", "e-mail", "mail", "print", "copy", "link", "copy link", "gettr", "gab", "parler",
    "truth", "bluesky", "mastodon", "xing", "messenger", "sms", "tweet", "share", "shares", "teilen", "drucken",
    "kommentare", "compartir", "partager", "imprimer", "imprimir", "feedback", "total", "instagram", "youtube",
    "tiktok", "snapchat", "close", "schließen", "cerrar", "fermer", "menu", "menü", "home", "startseite",
    "inicio", "accueil", "search", "suche", "buscar", "rechercher", "login", "anmelden", "or", "oder",
    "copiar", "enlace", "copier", "lien", "kopieren",
}
_NETWORKS = (r"facebook|x|twitter|instagram|tiktok|youtube|linkedin|threads|bluesky|mastodon|whatsapp|telegram|"
             r"google news")
_CTA_STRONG = re.compile(
    r"\b(?:sign(?:ing)? up (?:for|to)|subscribe (?:to|now|today|for)|join (?:our|the) (?:newsletter|mailing list)|"
    rf"follow (?:us|along (?:live|here|below|with (?:us|our)))|"
    rf"^follow (?-i:[A-Z@][\w.]*(?: [A-Z][\w.]*)?) on (?:{_NETWORKS})\b|add us (?:as|on)|"
    r"get in touch with (?:us|the (?:newsroom|team|editors?))|^get in touch|"
    r"click here|tap here|^find out more\b|find out more (?:here|below)|stay up to date|"
    r"become a (?:member|supporter|subscriber|patron) (?:from|for|today|now)|"
    r"support (?:us|our journalism|local journalism)|help (?:us )?keep (?:it|us|doing it)|in the comments below|"
    r"share (?:them|it|yours) with us|submit (?:a|your) (?:response|letter)|considered for publication|"
    r"join (?:[\w-]+ ){0,2}conversations?\b[^.]{0,80}\b(?:readers?|comments?|community|replies)|"
    r"share your (?:thoughts|tips|views|experiences?|stories)\b[^.]{0,60}\b(?:comments?|below|with us|community)|"
    r"(?:let us know|tell us)(?: what you think)? in the comments|teilen? (?:sie )?(?:deine|ihre) \w+ mit "
    r"(?:der community|uns)|"
    r"read our (?:complete|full|latest|live) coverage|(?:view|see) (?:more |all )?offers|"
    r"create (?:a |an |your )?(?:free )?account|"
    r"(?:must|need to) be (?:logged|signed) in|download (?:the|our) app|"
    r"jetzt (?:kostenlos|abonnieren|anmelden|registrieren|\w+-?mitglied)|mitglied werden|kostenlos herunterladen|"
    r"melden sie sich (?:jetzt )?(?:an|für)|folgen sie uns|abonnieren sie|"
    r"suscríbete|regístrate|síguenos|abonnez-vous|inscrivez-vous|suivez-nous|iscriviti|seguici)\b", re.I)
_CTA_VERB = re.compile(
    r"\b(?:sign(?:ing)?[- ]?up|subscrib(?:e|ing)|subscription|log ?in|sign[- ]?in|regist(?:er|ering|ration)|"
    r"download|install|bookmark|enable javascript|turn on javascript|unlock|get (?:daily|the latest|\w+ news)|"
    r"check (?:out )?our|"
    r"abonnier\w*|anmelden|registrier\w*|herunterladen|aktivieren sie|descarga|inicia sesión|"
    r"téléchargez|connectez-vous)\b", re.I)
_CTA_TARGET = re.compile(
    r"\b(?:newsletters?|inbox|app|apps|account|e-?mails?|subscribers?|subscription|notifications|alerts|"
    r"javascript|browser|for free|free|here|today|now|news|news page|reading experience|articles|continue|"
    r"keep reading|comment|"
    r"konto|e-paper|lesekomfort|push|kostenlos|jetzt|boletín|cuenta|compte|lettre)\b", re.I)
REPORTED = re.compile(  # a story's sentence reports words: no call to action
    r"\b(?:said|says|told|asked|added|warned|warns|urged|urges|advised|advises|reminded|reminds|according to|"
    r"sagte|sagt|erklärte|fragte|warnte|warnt|mahnte|betonte|dijo|afirmó|advierten?|recuerdan?|"
    r"a déclaré|a dit|rappellen?t?|souligne|prévient)\b", re.I)
READER = re.compile(  # words by which a text speaks to its reader, or of its publisher as "we"
    r"\b(?:you|your|us|our|we|du|dich|dein\w*|euch|uns|unser\w*|wir|vous|votre|vos|nous|notre|nos|tu|usted|"
    r"nosotros|nuestr[oa]s?)\b", re.I)
_PAGE_WORDING = {"comment policy", "legal notice", "paywall", "disclaimer", "affiliate note", "support appeal",  # the page
                 "feedback widget", "subscription offer", "newsletter offer"}  # speaks, never reporting someone
DIALOG_WORDS = 8  # a dialog's button ("No thanks, I'll pay full price") is at most this long
CREDIT_LINE_WORDS = 25  # a credit line ("With files from ...", "First published in ...") is at most this long
SHORT_APPEAL = 12  # an appeal that neither speaks to the reader nor offers the publisher's goods is this short
SECTION_BREAK = re.compile(r"^(?:(?:\*\s*){3}|(?:•\s*){3}|(?:#\s*){3}|(?:~\s*){3}|⁂|§)$")  # "* * *" between parts
RATING = re.compile(r"^[★☆✩✭⭐½]+(?:\s*\(?\d(?:[.,]\d)?\s*/\s*\d+\)?)?$")  # "★★★★☆", "★★★½ (3.5/5)"
_CTA_LINES = re.compile(  # a whole line that is an appeal: a button, a sign-up box's title, a follow link
    r"^(?:sign up|subscribe|je m'inscris|s'inscrire|iscriviti|suscr[íi]bete|jetzt anmelden|abonnieren)\W*$|"
    r"^get (?:the|our)\b[^.]{0,50}\b(?:newsletters?|briefing|alerts|bulletin|digest)$|"
    r"^the [\w'’ -]{1,30} newsletter$|^newsletter\b.{0,40}$|"
    r"^(?:seguir a|folgen sie|suivre) [A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)?$", re.I)
_OWN_GOODS = re.compile(r"\b(?:unserer|our|notre|nuestra|la nostra) (?:app|newsletter|e-paper)\b", re.I)
_ON_THE_PAGE = re.compile(r"\b(?:click|tap) here\b|\b(?:must|need to) be (?:logged|signed) in\b|\bin the comments\b",
                          re.I)
_CONTACT = re.compile(r"^(?:e-?mail|contact|write to|send|got a (?:story|tip)|tips?\b|kontakt|schreiben sie|"
                      r"escríb\w*|écrivez)", re.I)
OPENING_CHARS = len("please ")  # a weak appeal's verb stands within this many characters of the line's start
_OPENING_QUOTES = "\"“”„«»‚‘"  # marks that open a quotation (not the apostrophe)
_OPENING_APPEAL = re.compile(  # the imperative that opens an appeal to the reader
    rf"^(?:sign up (?:for|to)|subscribe (?:to|for|now)|follow (?:us|[\w.]+(?: [\w.]+)? on (?:{_NETWORKS}))"
    r"|join (?:our|the) (?:newsletter|community|mailing list)|download (?:our|the) app|abonnieren sie|folgen sie uns"
    r"|suscr[íi]bete|abonnez-vous|inscrivez-vous)\b", re.I)
_READER_GOODS = re.compile(r"\b(?:newsletters?|news|alerts|updates|deals|inbox|podcasts?|app|notifications|feeds?)\b",
                           re.I)


def opening_appeal(text: str) -> bool:
    """A line that opens as an appeal to the reader does ("Sign up for ...", "Follow us on ...") and offers
    the publisher's goods (news, alerts, a newsletter): "Sign up for the hardship fund" is the story's."""
    text = text.strip()
    return _OPENING_APPEAL.match(text) is not None and _READER_GOODS.search(text) is not None


_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_PRODUCTS = re.compile(r"\b(?:app|apps|e-?paper|newsletters?|podcasts?|push|abo|abonnement|subscription)\b", re.I)
_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("share buttons", re.compile(r"^share (?:this|the) (?:article|story|page)\b|^(?:artikel|beitrag) teilen\b|^text this$|"
                                 r"^compartir (?:en|este)|^partager (?:cet|sur)", re.I)),
    ("advertisement", re.compile(
        r"^(?:advertisements?|ads?|anzeigen?|werbung(?: überspringen)?|publicité|publicidad|pub|sponsor message|sponsored"
        r"(?: content)?|gesponsert|paid (?:content|post)|advertorial)(?:\s*\d*)$"
        r"|advertisement has not loaded|\bad (?:hasn't|has not) loaded\b|continues below(?: the)? advert|"
        r"^story continues below$"
        r"|^weiterlesen nach der anzeige$|^la suite après (?:cette|la) publicité$|^continúa (?:después|tras) "
        r"(?:la|el) (?:publicidad|anuncio)$", re.I)),
    ("paywall", re.compile(r"^(?:for )?subscribers? only\W*$|\bthis (?:article|story|content|piece)\b[^.]{0,40}"
                           r"\bsubscribers? only\b|"
                           r"\b(?:reserved for subscribers|nur für abonnenten|"
                           r"exclusivo para suscriptores|réservé aux abonnés|premium-inhalt)\b"
                           r"|प्रीमियम मेंबरशिप|पूरी खबर पढ़ें",  # Hindi: "premium membership", "read the full story"
                           re.I)),
    ("update note", re.compile(r"\bthis is an? (?:breaking|developing)(?: news?)? story\b|"
                               r"^(?:more (?:details |updates )?to follow|more to come)\.?$|"
                               r"\bthis (?:story|article) (?:will be|is being) updated\b|"
                               r"\b(?:dieser )?(?:artikel|text|beitrag) wird (?:laufend |fortlaufend )?aktualisiert\b|"
                               r"\bcet article (?:sera|est) (?:mis à jour|actualisé)", re.I)),
    ("comment policy", re.compile(r"\bcomment(?:ing)? (?:policy|guidelines|forum)\b|\bunsere netiquette\b|"
                                  r"^netiquette$|^comments are (?:pre-?)?moderated\b|read our community guidelines|"
                                  r"^normas de participación$|^(?:para comentar|to comment|um zu kommentieren|"
                                  r"pour commenter)\b.{0,30}\b(?:debes|you must|müssen|devez)\b|"
                                  r"^(?:you must be|sie müssen|debes|vous devez|devi) (?:logged in|angemeldet sein|"
                                  r"iniciar sesión|être connecté|effettuare l'accesso)\b.{0,30}\b(?:comment|kommentier|"
                                  r"comentar|commenter)|"
                                  r"\b(?:confirm|enter) your (?:public )?display name\b|"
                                  r"\b(?:please|bitte|por favor|merci de|keep (?:it|the|your)|we (?:reserve|moderate)|"
                                  r"our)\b.{0,60}\b(?:comments?|discussion|kommentare?|comentarios|commentaires)\b"
                                  r".{0,120}\b(?:respectful|civil|moderat\w*|netiquette|community guidelines|"
                                  r"richtlinien|respetuos\w*|respectueu\w*)|\bkommentarfunktion\b|\bforenregeln\b|"
                                  r"\bcommentaires sont réservés\b|\bcharte de modération\b|^welcome to the discussion\b|"
                                  r"^comments are subject to\b|\bdiskussionsregeln\b|\bcomments may take\b.{0,40}\bto appear\b|"
                                  r"\bwelcomes (?:lively, )?civil discussion\b|community-regeln|normas de la comunidad|"
                                  r"^solo los suscriptores pueden comentar|charte de participation|"
                                  r"^connectez-vous pour (?:réagir|commenter)|^write a reply…?$|^réactions des lecteurs$",
                                  re.I)),
    ("comment link", re.compile(r"^(?:forum \(\d+ (?:postings?|beiträge)\)|postings anzeigen|(?:kommentare?|comments?|"
                                r"commentaires?|commenti|comentarios) ?\(\d+\)|\d+ (?:kommentare?|comments?|"
                                r"réactions?|commentaires?|commenti|comentarios|postings?)|kommentieren|commenter|"
                                r"réagissez à cet article|comment on this (?:story|article)|leave a comment|"
                                r"lascia un commento|deja un comentario)$", re.I)),
    ("disclaimer", re.compile(r"nicht (?:unbedingt )?(?:der|die) meinung der redaktion|"
                              r"\bnormas de nuestro código de conducta\b|^our standards:|\beditorial code\.?$|"
                              r"^market data (?:is )?delayed\b|^we acknowledge the traditional (?:custodians|owners)\b|"
                              r"not responsible for the content of external (?:sites|websites|links)|"
                              r"^(?:all )?(?:prices?|details)\b.{0,40}\b(?:correct|accurate) at (?:the )?time of "
                              r"(?:publication|publishing|writing)|"
                              r"(?:do|does) not necessarily reflect (?:the )?(?:views?|opinions?|position)|"
                              r"views expressed (?:here|in this)|no reflejan necesariamente (?:la|las) (?:opini|posici)|"
                              r"ne reflètent pas nécessairement (?:l'|les |la )(?:opinion|avis|position)", re.I)),
    ("dialog button", re.compile(r"^(?:no,? thanks?|nein,? danke|non,? merci|no,? gracias|i[’']?m in|ok|okay|"
                                 r"accept(?: all)?|akzeptieren|alle akzeptieren|zustimmen|aceptar(?: todo)?|"
                                 r"accepter|tout accepter|accetta(?: tutto)?|rifiuta|no,? take me to (?:the )?settings|"
                                 r"(?:manage|customi[sz]e) (?:settings|preferences|choices)$)\b[.!]?(?:\s|$)", re.I)),
    ("form field", re.compile(r"^(?:(?:enter )?your e-?mail(?: address)?|e-?mail address|votre (?:adresse )?e-?mail|"
                              r"ihre e-?mail(?:-adresse)?|tu (?:correo|email)(?: electrónico)?|la tua e-?mail|"
                              r"indirizzo e-?mail)\s*:?\*?$", re.I)),
    ("skip link", re.compile(r"^(?:(?:skip|jump|go) to (?:the )?(?:main )?(?:content|navigation|article|menu|search)|"
                             r"(?:zum|zur|direkt zum|direkt zur) (?:inhalt|hauptinhalt|navigation|suche)(?: springen)?|"
                             r"(?:aller|passer) (?:au|à la) (?:contenu|navigation|recherche)(?: principal)?|"
                             r"(?:saltar|ir) (?:al|a la) (?:contenido|navegación|búsqueda)(?: principal)?|"
                             r"vai (?:al|alla) (?:contenuto|navigazione|ricerca)(?: principale)?)$", re.I)),
    ("feedback widget", re.compile(r"\bfehler (?:gefunden|melden)|melden sie den fehler|^(?=(?:\S+\s+){0,14}\S+$).*"
                                   r"report an? (?:error|typo)|"
                                   r"donnez-nous votre avis|give us your feedback|avez-vous testé cette recette|"
                                   r"wie hat ihnen (?:dieser|der) (?:artikel|beitrag) gefallen|"
                                   r"^(?:durchschnittliche bewertung|average rating|note moyenne)\s*:\s*\d|"
                                   r"^(?:how (?:useful|helpful) was this|was this article helpful|rate this article)|"
                                   r"(?:^|\byou(?:'ve| have)? )spotted an? (?:error|typo)|reportar un error|"
                                   r"signaler une erreur", re.I)),
    ("image button", re.compile(r"^(?:expand|enlarge|zoom|view) (?:the )?(?:image|photo|picture)$|^bild vergrößern$|"
                                r"^agrandir (?:l'image|la photo)$|^ampliar (?:imagen|foto)$|^ingrandisci(?: l'immagine)?$",
                                re.I)),
    ("support appeal", re.compile(r"^(?=(?:\S+\s+){0,9}\S+$).*\b(?:listener|reader|viewer|member)-(?:supported|funded)\b|"
                                  r"^(?=(?:\S+\s+){0,30}\S+$).*(?:"
                                  r"(?:^|[.!?,]\s+|\b(?:please|today|you can|why not)\s+)become a "
                                  r"(?:sustaining |monthly |founding )?(?:member|supporter|sponsor)\b|"
                                  r"\byour (?:gift|donation|support) (?:today )?(?:powers|keeps|makes|funds)\b)", re.I)),
    ("newsletter offer", re.compile(r"^(?=(?:\S+\s+){0,24}\S+$)(?!.*\bsign up\b)(?:.*\bin your inbox\b|(?:recevez|abonnez-vous à) "
                                    r"(?:gratuitement )?(?:notre|nos) newsletters?\b|.*\bto get new posts, subscribe\b)|"
                                    r"^sign me up!?$|^get the [\w' .-]{1,40} app$|\bfree on (?:iphone|ios) and android\b",
                                    re.I)),
    ("subscription offer", re.compile(r"^enjoying (?:this|our) (?:story|article|journalism|reporting)\?$|"
                                      r"^(?=(?:\S+\s+){0,30}\S+$)(?=.*\b(?:subscri\w*|print and online|digital access|"
                                      r"unlimited access|full year|all access|every (?:local )?story)\b).*\b(?:for|from) "
                                      r"(?:just |only |as little as )?"
                                      r"[$€£]\s?\d+(?:[.,]\d+)? (?:a|per) (?:week|month|year)\b", re.I)),
    ("image placeholder", re.compile(r"^(?:placeholder|image|bild|imagen)[ -]?(?:image)?[ -]?\d*$", re.I)),
    ("promo", re.compile(r"^(?=.{0,120}$).*\b(?:app|e-?paper|newsletter|podcast)\b[^.?]*!$", re.I)),
    ("paywall notice", re.compile(r"^(?:you have|you've got) (?:\d+|one|two|three) (?:more )?free (?:articles?|stor(?:y|ies)) "
                                  r"(?:left|remaining)|^this is your (?:last|final) free (?:article|story)|"
                                  r"^this is your \w+ of \w+ free (?:articles|stories)\b|"
                                  r"^sie haben (?:noch )?(?:\d+|einen|zwei|drei) (?:kostenlose|freie) artikel|"
                                  r"^il vous reste \d+ articles? (?:gratuits?|offerts?)|^te quedan? \d+ artículos? gratis|"
                                  r"^ti (?:resta|restano) \d+ articoli gratuiti", re.I)),
    ("countdown", re.compile(r"\b(?:will close|closes?|schließt sich|se cierra|se ferme) in \d+ (?:seconds?|sek)",
                             re.I)),
    ("gallery counter", re.compile(r"^\d+\s*(?:/\s*\d*)?$|^(?:(?:item|photo|image|picture|bild|foto) )?\d+ "
                                   r"(?:of|von|de|sur) \d+$", re.I)),
    ("punctuation", re.compile(r"^[^\w]*$")),
    ("timestamp", re.compile(r"^\d{1,2}[:.]\d{2}(?=[A-Z])|^\d{1,2}[:.]\d{2}\s*(?:uhr|h)?\.?$|"
                             r"^(?:stand|aktualisiert|updated|published|mis à jour|actualizado)\s*:?\s*"
                             r"(?:am\s+|on\s+|le\s+)?\d{1,2}[./]\d{1,2}[./]\d{2,4}\b[^.!?]{0,20}$", re.I)),
    ("reading time", re.compile(r"^(?:\d+\s*(?:-\s*)?(?:minutes?|min\.?)\s*(?:read|listen|lesezeit|de lectura|"
                                r"de lecture)|(?:lesezeit|reading time|read time|temps de lecture|tiempo de lectura):?\s*"
                                r"\d+\s*(?:min\.?|minutes?|minuten)|\d{1,3}\s?(?:min|mins))$", re.I)),
    ("video label", re.compile(r"^(?:watch|video|listen|audio|watch now|video ansehen|ver vídeo|regarder)\s*[|:]",
                               re.I)),
    ("video widget", re.compile(
        r"^duration \d|"
        r"\b\d+:\d{2} min\.|verfügbar bis|^(?:video|audio) starten|abbrechen mit escape|"
        r"to view this video|^(?:play|pause) video$", re.I)),
    ("video teaser", re.compile(r"^\d:\d{2}\s+[A-ZÀ-Þ][^.!?]*$")),
    ("teaser link", re.compile(
        r"^(?:>+|»|›|→|►|▶)\s*\S"
        r"|^(?:read more|more|see also|also read|related|watch|read|lesen sie (?:auch|mehr|hier)|mehr zum thema|"
        r"mehr dazu|auch interessant|lee también|lea también|lire aussi|à lire aussi|voir aussi|leggi anche|"
        r"te puede interesar|"
        r"potrebbe interessarti)\s*[:|]\s*\S"
        r"|\|\s*(?:mehr|more|audio|video|bilder|liveticker)$|^(?:also read|leggi anche)\s+\S"
        r"|^(?:related reading|à relire|passend zum thema|more news|mehr (?:aus|zu|zum) [\w' .-]{1,40}|"
        r"plus (?:de|d') [\w' .-]{1,30}|más (?:de|sobre) [\w' .-]{1,30})\s*:\s*\S", re.I)),
    ("embedded post", re.compile(r"^[—–-]\s*[^()]+\(@\w+\)|pic\.twitter\.com/|https?://t\.co/|"
                                 r"(?:[@#]\w+.*){3,}")),
    ("affiliate note", re.compile(r"\baffiliate[- ]links?\b|\bwe (?:may |might )?(?:earn|receive) (?:a |an )?"
                                  r"(?:small )?(?:affiliate )?commission|"
                                  r"provision erhalten|ohne mehrkosten für sie|at no (?:extra|additional) cost to you|"
                                   r"enlaces? de afiliad|liens? (?:d')?affiliation", re.I)),
    # the legal small print of a form or a banner: its terms, and the reader asked to agree ("you agree to our")
    ("legal notice", re.compile(r"recaptcha|\b(?:we|this (?:site|website)) uses? (?:a few |some |only )?cookies|"
                                r"message and data rates may apply|\breply stop to (?:cancel|unsubscribe|opt out)\b|"
                                r"\ball rights reserved\b|alle rechte vorbehalten|tous droits réservés|"
                                r"todos los derechos reservados|tutti i diritti riservati|"
                                r"\b(?:questo sito|este sitio(?: web)?|ce site|diese (?:web)?seite|diese website|wir|nous) "
                                r"(?:utilizza|utiliza|utilise|utilisons|verwendet|verwenden|nutzt|nutzen) (?:\w+ )?"
                                r"cookies?\b|\butiliz(?:amos|ziamo) (?:\w+ )?cookies?\b|"
                                r"agree to (?:our |the )?(?:use of )?cookies|"
                                r"^(?:we|wir|nosotros|nous|noi) (?:and|und|y|et|e) (?:our|unsere|nuestros|nos|i nostri|"
                                r"selected|ausgewählte|selezionate) ?(?:\d+ )?(?:partners?|socios|partenaires|third parties|"
                                r"dritte|terze parti)\b.{0,40}\b(?:store|access|process|use|set|speichern|verarbeiten|"
                                r"greifen|setzen|usamos|utilizamos|almacenan|stockons|utilisons|traitons|utilizziamo|"
                                r"trattiamo)\b|"
                                r"^(?:your privacy(?: choices| settings)?|we value your privacy|privacy settings|"
                                r"datenschutz(?:einstellungen|hinweis)|tu privacidad es importante para nosotros|"
                                r"votre vie privée|política de cookies|politique (?:de )?cookies|cookie-richtlinie)\W*$|"
                                r"^(?:cookie (?:settings|policy|preferences|consent)|(?:accept|reject|manage) (?:all )?"
                                r"cookies|privacy policy|terms (?:and|&) conditions|terms of (?:service|use)|"
                                r"datenschutz(?:erklärung)?|impressum|nutzungsbedingungen|política de privacidad)\.?$|"
                                r"^(?=.*\b(?:our|you|your|i agree|i accept|unsere[nmr]?|ihre|stimmen sie|accetti|nostra|"
                                r"zustimm\w*|akzeptier\w*|einverstanden|nuestra|acepta\w*|notre|vous|acceptez)\b)"
                                r".*(?:\b(?:we|you|partners) (?:\w+ )?(?:use|accept|reject|manage|store|set|allow) "
                                r"(?:\w+ )?cookies|(?:use|utilisation|uso|verwendung|impiego) (?:of |de |des |dei |"
                                r"von |de las |del )?cookies?|cookie (?:choices|settings)|"
                                r"\bcookies?(?: and (?:similar|other) (?:technologies|tools))? (?:to|pour|para|per|um)\b"
                                r".{0,60}\b(?:experience|expérience|experiencia|esperienza|audience|advertising|"
                                r"publicité|analytics|personali)|"
                                r"cookies? (?:settings|policy|preferences|consent)|privacy (?:policy|notice)|"
                                r"informativa sulla privacy|"
                                r"terms (?:and|&) conditions|terms of (?:service|use)|"
                                r"datenschutz\w*|nutzungsbedingungen|política de privacidad|"
                                r"politique de confidentialité)", re.I)),
    ("embed notice", re.compile(r"external content|empfohlener (?:redaktioneller )?inhalt|"
                                r"recommended (?:editorial )?content|externen? inhalt|"
                                r"inhalte von \w+ (?:angezeigt|erlauben)|"
                                r"\w+-inhalte? (?:erlauben|anzeigen)|link zum \w+-inhalt|drittplattform|"
                                r"third[- ]party content|contenido externo|contenu externe|"
                                r"mit einem klick anzeigen", re.I)),
    ("credit line", re.compile(
        r"^(?:mit|with|con|avec) (?:agenturmaterial|material (?:von|from) |dpa|afp|reuters|ap\b|epd|kna)"
        r"|^(?:copyright|©)\s*(?:©\s*)?\d{4}\b"
        r"|contributed to this (?:report|story)|^(?:copyright|quelle|source|sources|fuente)\s*:"
        r"|^(?:with files from|(?:with )?additional reporting by|with reporting by|reporting by)\s"
        r"|^(?:aus dem \w+ (?:von|übersetzt)|translated (?:from (?:the )?\w+ )?by|traducción de|traduit de)"
        r"|^first published (?:in|by|on) (?!\d{4}\b)"
        r"|erstveröffentlichung|^(?:redaktion|sendung|produktion)\s*:", re.I)),
    ("gallery widget", re.compile(r"\b(?:open|view|see) (?:this |the )?(?:photos?|images?|pictures?) in "
                                  r"(?:the )?gallery"
                                  r"|^(?:open|view) (?:the )?gallery|bildergalerie|galerie (?:öffnen|ansehen)|"
                                  r"ver galería|voir la galerie", re.I)),
    ("teaser", re.compile(r",\s*(?:by|von|por|par)\s+[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){0,3}$")),
    ("price", re.compile(r"^[$€£]\s?\d[\d.,]*\s+(?:at|bei|en|chez|from|von)\s"
                         r"|(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|EUR|Euro|\$|£|USD))\s*(?:\([^)]*\))?$")),
)



def line_reason(text: str) -> str:
    """Why `text` is boilerplate on its own, or "" when no single-line rule says so."""
    words = text.split()
    plain_label = re.sub(r"[\d:|>»·•]+", " ", text).strip(" .:!").casefold()
    if plain_label in ("listen", "podcast", "listen to this article", "listen to this story", "audio",
                       "écouter cet article", "artikel anhören", "escuchar este artículo", "ascolta l'articolo") \
            and not text.endswith("."):
        return "audio player"
    if plain_label in ("video", "videos", "watch", "watch now") and not text.endswith("."):
        return "video label"
    if _TEASER_LABELS.match(plain_label):
        return "teaser label"
    if re.fullmatch(rf"(?:{_LABELS})", plain_label):
        return "call to action" if "newsletter" in plain_label else "widget label"
    if len(words) <= 3 and re.search(r"newsletter", plain_label):
        return "call to action"
    if words and all(w.strip(".,:|·•()").casefold() in _SHARE_WORDS or w.strip("()").isdigit() for w in words):
        return "share buttons"
    if RATING.match(text):
        return ""  # "★★★★☆": a review's verdict
    for reason, pattern in _RULES:
        if not _story_shaped(reason, text) and pattern.search(text):
            return reason
    if len(words) <= 45 and _appeal(text):
        return "call to action"
    if len(words) <= 30 and _EMAIL.search(text) and (len(words) <= SHORT_APPEAL or READER.search(text)
                                                      or _CONTACT.match(text)):
        return "contact note"  # not "Anyone with information can email the inquiry team at ..."
    if _shouted(text):
        return "all-caps teaser"
    if caption_cue(text):
        return "caption"
    return ""


_LONGEST = {"credit line": CREDIT_LINE_WORDS, "dialog button": DIALOG_WORDS}  # longer, the line is the story's


def _story_shaped(reason: str, text: str) -> bool:
    """The line has the shape of the story's own words where the rule's do not stand: a sentence for a teaser
    or a price, more words than a credit line or a button has ("First published in 1961, her novel ...", "No
    thanks to the weather, ..."), a sentence reporting someone for the page's small print ("Comments are
    moderated ..., the company said.")."""
    return (reason in ("price", "video teaser", "teaser") and is_sentence(text)
            or len(text.split()) > _LONGEST.get(reason, len(text.split()))
            or reason in _PAGE_WORDING and REPORTED.search(text) is not None)


def _appeal(text: str) -> bool:
    """Words of a call to action, not reported ("..., the council warned") nor quoted, in a line that is short,
    speaks to the reader or offers the publisher's goods: "Customers who register online can ..." is a story's.
    A short line naming the publisher's own app or newsletter, no sentence, is one too ("Immer informiert mit
    unserer App")."""
    short = len(text.split()) <= SHORT_APPEAL
    if short and _OWN_GOODS.search(text) and not is_sentence(text):
        return True
    strong = _CTA_STRONG.search(text) or _CTA_LINES.search(text)
    found = strong or (_CTA_VERB.search(text) if _CTA_TARGET.search(text) else None)
    if not found or REPORTED.search(text) or not short and text.rstrip().endswith(":"):
        return False  # reported, or leading in to steps ("On your phone, install the app, and:")
    if not strong and found.start() > OPENING_CHARS and is_sentence(text) and not READER.search(text):
        return False  # "The paper lost 4,000 subscribers after raising its subscription price."
    quoted = not short and any(q in text[:found.start()] for q in _OPENING_QUOTES)
    addressed = READER.search(text) or _READER_GOODS.search(text) or _ON_THE_PAGE.search(text)
    asked = text.rstrip().endswith("?")  # "Do I need to sign up for anything?" heads an answer
    return not quoted and (short and not asked or addressed is not None)


def products(text: str) -> set[str]:
    """The publisher's products a line names (app, e-paper, newsletter, ...), folded."""
    return {word.casefold().rstrip("s").replace("-", "") for word in _PRODUCTS.findall(text)}


def _shouted(text: str) -> bool:
    """A line of four words or more set in capitals: a promo or a teaser link, not body text."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(text.split()) >= 4 and len(letters) >= 12 and sum(ch.isupper() for ch in letters) >= 0.85 * len(letters)


_CAPTION_CUE = re.compile(r"\b(?:from left|left to right|pictured (?:here|above|below|left|right)|^pictured:|"
                          r"file (?:image|photo)|"
                          r"von links|im bild|v\.l\.|de izquierda a derecha|en la imagen|de gauche à droite|"
                          r"ci-dessus)\b|\((?:L|R|C|left|right|centre|center|links|rechts|Mitte)\)", re.I)


def caption_cue(text: str) -> bool:
    """A short text with the wording of a photo caption ("from left", "pictured here", "(R)")."""
    return len(text.split()) <= 40 and bool(_CAPTION_CUE.search(text))


_FURNITURE = {"advertisement", "widget label", "teaser label", "share buttons", "punctuation",
              "gallery counter", "call to action", "legal notice", "embed notice", "countdown", "dialog button",
              "skip link", "form field", "paywall notice"}


def furniture(text: str) -> str:
    """Why `text` cannot be the headline (page furniture above it), or ""."""
    reason = line_reason(text)
    return reason if reason in _FURNITURE else ""
