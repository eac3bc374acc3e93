"""One-line boilerplate rules of the plain-text reader: each names its reason, and story sentences pass."""

import pytest

from layout.readers.text.boilerplate import caption, credit, furniture, line_reason, split_credit


@pytest.mark.parametrize("line, reason", [
    ("Advertisement", "advertisement"),
    ("Get the week's harbour news in your inbox every Friday morning.", "newsletter offer"),
    ("Get the Quay Courier app", "newsletter offer"),
    ("The harbour master said the notices arrived in your inbox too, the council said.", ""),
    ("Copiar enlace", "share buttons"),
    ("Photo 2 of 9", "gallery counter"),
    ("Our standards: The Quay Wire Editorial Code.", "disclaimer"),
    ("This is your second of three free stories this month.", "paywall notice"),
    ("Popular on the Courier", "teaser label"),
    ("Les plus consultés", "teaser label"),
    ("Mehr aus dem Landkreis: Neue Brücke wird im Mai eröffnet", "teaser link"),
    ("Related reading: How the ferry got its name", "teaser link"),
    ("This ad hasn't loaded yet, but the story continues below.", "advertisement"),
    ("Solo los suscriptores pueden comentar.", "comment policy"),
    ("Comentarios (12)", "comment link"),
    ("More from the council came on Monday, the mayor said.", ""),
    ("The village radio station, which is listener-supported, lost a third of its funding when the grant ended.", ""),
    ("The council's community standards panel received more than forty comments about the plan.", ""),
    ("Sponsor Message", "advertisement"),
    ("Leggi anche Ferrovie, nuovo orario dal lunedì", "teaser link"),
    ("Become a sponsor", "support appeal"),
    ("Meistgelesene Artikel", "teaser label"),
    ("Les plus partagés", "teaser label"),
    ("Don't miss", "teaser label"),
    ("Forum (12 Postings)", "comment link"),
    ("7 réactions", "comment link"),
    ("Die Kommentarfunktion ist für diesen Artikel geschlossen.", "comment policy"),
    ("Les commentaires sont réservés aux abonnés du journal.", "comment policy"),
    ("Harbour Radio is listener-supported.", "support appeal"),
    ("Become a sustaining member today and keep local news free.", "support appeal"),
    ("Message and data rates may apply. Reply STOP to unsubscribe.", "legal notice"),
    ("© 2026 The Quay Courier. All rights reserved.", "legal notice"),
    ("We use a few cookies to count visits.", "legal notice"),
    ("Enlarge photo", "image button"),
    ("ALSO READ Ferry fares: what changes in May", "teaser link"),
    ("Enjoying this story?", "subscription offer"),
    ("Read the Courier in print and online for £2 a week, all year.", "subscription offer"),
    ("You have 2 free articles left this month.", "paywall notice"),
    ("Editor's note: corrections run on Fridays; to report an error in a story, write to the desk at any time.", ""),
    ("The station said it is listener-supported, and that pledges fell by a third last year, its chair told the board.",
     ""),
    ("Share this article", "share buttons"),
    ("Read more:", "teaser label"),
    ("Sign up for our newsletter to get the news in your inbox", "call to action"),
    ("Please read our Comment Policy before commenting.", "comment policy"),
    ("The council met on Tuesday and voted seven to two for the bridge.", ""),
    ("We use cookies to improve your experience on this site.", "legal notice"),
    ("Cookie settings", "legal notice"),
    ("By registering you agree to our terms of service", "legal notice"),
    ("Find out more", "call to action"),
    ("Click here to read the full text of the ruling as the court published it on Friday.", "call to action"),
    ("Join the conversation in the comments and reply to other readers from across the valley", "call to action"),
    ("For subscribers only", "paywall"),
    ("No thanks", "dialog button"),
    ("Email the newsroom at news@courier.example with your tips and pictures from the valley", "contact note"),
    ("We may earn a commission when you buy through links on our site.", "affiliate note"),
    ("Spotted an error? Let us know", "feedback widget"),
    ("Please register now to keep reading", "call to action"),
    ("Log in to continue reading", "call to action"),
    ("Log in to comment", "call to action"),
    ("This article is for subscribers only.", "paywall"),
    ("By clicking Accept you agree to our use of cookies.", "legal notice"),
    ("We and our 112 partners store and access information on your device to measure the audience.",
     "legal notice"),
    ("Your privacy", "legal notice"),
    ("No, take me to settings", "dialog button"),
    ("Aller à la recherche", "skip link"),
    ("Follow Jane on Bluesky", "call to action"),
    ("Listen to this story", "audio player"),
    ("Comments are pre-moderated. Please read our community guidelines before posting.", "comment policy"),
    ("Weiterlesen nach der Anzeige", "advertisement"),
    ("Filed under:", "widget label"),
    ("Lo más visto", "teaser label"),
    ("The Courier is free to read. If you value it, become a supporter from £3 a month.", "support appeal"),
    ("Do you remember the old ferry? Share them with us in the comments below.", "call to action"),
    ("Newsletter „Hafenbote am Morgen“", "call to action"),
    ("Seguir a Marta Roble", "call to action"),
    ("Écouter cet article", "audio player"),
    ("Para comentar debes ser socio.", "comment policy"),
    ("Copyright 2024 The Valley Courier. We are not responsible for the content of external sites.", "disclaimer"),
    ("Before you go…", "widget label"),
    ("En poursuivant votre navigation, vous acceptez l'utilisation de cookies.", "legal notice"),
    ("Al continuar, acepta el uso de cookies.", "legal notice"),
    ("Bitte stimmen Sie der Verwendung von Cookies zu.", "legal notice"),
    ("Continuando, accetti l'uso dei cookie.", "legal notice"),
    ("Manage settings", "dialog button"),
    ("Follow @harbourcourier on X", "call to action"),
    ("Sie müssen angemeldet sein, um zu kommentieren.", "comment policy"),
    ("If you buy a bike through these pages we may earn an affiliate commission.", "affiliate note"),
    ("Want to sign up for breaking news alerts?", "call to action"),
    ("Get the Courier's council briefing", "call to action"),
    ("The weekend reads newsletter", "call to action"),
    ("Sign up", "call to action"),
    ("Iscriviti alla nostra newsletter", "call to action"),
    ("Immer informiert mit unserer App", "call to action"),
    ("Your email address", "form field"),
    ("We will use your email to send you newsletters. See our privacy notice.", "legal notice"),
    ("Questo sito utilizza cookie tecnici e di profilazione.", "legal notice"),
    ("Prices were correct at the time of publication and may change.", "disclaimer"),
    ("Listen to this article", "audio player"),
    ("12 min read", "reading time"),
    ("Leggi anche: Il ponte sul fiume riapre a maggio", "teaser link"),
])
def test_line_reason(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize("line", [
    # the story's sentences about cookies, terms and sign-ups: third person, reported or quoted
    "The ministry wants to scrap the cookie consent banners that most websites show to every visitor.",
    "A survey found that most people accept all cookies just to make the banner go away.",
    '"A terms of service page that nobody reads is not consent," said the MP, who chairs the committee.',
    "Apply for the grant on the council's portal before 30 June, the housing office warned tenants on Monday.",
    "Tenants who log in to the portal can also see whether the grant has been paid into their account.",
    "Anyone not paid automatically must register for the grant online now, as the window closes in June.",
    "The club lost 400 members after it raised the subscription price for the second year running.",
    "The surveyors now want to find out more about how far the cracks in the old pier have spread.",
    "Find out more at the county archive or by calling its reading room on the number in the phone book.",
    "First published in 1958, her first book of poems had been turned down by six publishers before a "
    "small press in Hull took it on and sold every copy within a year.",
    "Listen.",
    "★★★★☆",
    "Bake the biscuits for 12 minutes, until your kitchen smells of butter and the cookies are golden.",
    "Our grandmother's cookies were the best in the village, and everyone knew it.",
    "Our app lets farmers check prices before they go to market, its founder says.",
    "45 minutes.",
    "Members of the club voted on Monday to become a member of the county league.",
    "Allow the cookies to cool on the tray before you ice them.",
    "Follow the steps on WhatsApp to back up your chats.",
    "Manage settings for each app.",
    "Comments are moderated by volunteers, the company said.",
    "Schools now teach netiquette to pupils of eleven.",
    "Wir und unsere Partner haben das Restaurant 2019 eröffnet.",
    "The feature film was shown to subscribers only.",
    "The newsletter, which has 18,000 readers, will carry the court notices from June.",
    "The settings live on a web page. Open a browser on your laptop, then on your phone install the app, and:",
    "and the words you need to follow along",
    "Agents may earn a commission of up to 3% on each sale of a flat in the new block.",
    "The pool is open to subscribers only.",
    "First published in 1961, her novel sold a million copies.",
    "Do I need to sign up for anything?",
    "The newsletter, which has 18,000 readers, will carry the court notices from June.",
    "Prices rose by a third in the year to March, the statistics office said.",
    "The club lost 400 members after it raised its subscription price for members.",
    "Members only get a refund if they cancel before May; subscribers only pay the new price from June.",
    "No thanks to the weather, the count of the colony was cut short by a week.",
    "Anyone with information can email the inquiry team at inquiry@county.example or call the station desk.",
    "Comparison sites earn a commission when you switch, so check the regulator's list first.",
    "Anyone who spotted an error on the ballot paper should tell the returning officer at once.",
])
def test_story_sentences_are_no_boilerplate(line):
    assert line_reason(line) == ""


@pytest.mark.parametrize("line", [
    "Neu ist auch die Karte der Stadtwerke, mit der man alle Busse nutzen kann. „Jetzt kostenlos herunterladen "
    "und losfahren“, wirbt der Verband.",
    "Wer eine Karte hat, kann sich ab sofort über sein Konto anmelden und Fahrten buchen, heißt es.",
    "Regístrate antes del lunes o perderás la plaza, advierten los carteles del polideportivo municipal.",
    "Inscrivez-vous avant le 30 août, rappelle la mairie aux familles qui n'ont pas encore réservé.",
])
def test_quoted_or_reported_appeals_in_other_languages_are_the_story(line):
    assert line_reason(line) == ""



def test_credits_and_captions():
    assert credit("Photo: AFP") and not credit("The photo was taken in April.")
    assert caption("Pictured here: the bridge at dusk (Photo: Lena Ohr)")
    assert caption("The deck of the half-built bridge in April, seen from the ferry. Photo by Lena Ohr")
    assert not caption("She left the studio early. Photo by photo, the album came together over the winter")
    assert credit("Chart: The Quay Courier") and not credit("Map: Where the new flats will go")


def test_an_image_titles_credit_is_set_apart():
    assert split_credit("Fares since 2019. Chart: The Quay Courier") == ("Fares since 2019.", "Chart: The Quay Courier")
    assert split_credit("Photograph by Ann Other") == ("", "Photograph by Ann Other")
    assert split_credit("The quay at dawn. The ferry waits.") == ("The quay at dawn. The ferry waits.", "")


def test_furniture_is_what_cannot_be_a_headline():
    assert furniture("Advertisement") == "advertisement"
    assert furniture("Ukraine fired six U.S. long-range missiles, Russia says") == ""
