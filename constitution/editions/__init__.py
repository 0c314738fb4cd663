"""Editions: how the units of one edition follow from those of the edition before it.

correspondence.py matches every unit of a later edition with its predecessor (by number and by
words; renumbered articles included; the hand corrections of same_as.yaml first) and says what
became of it: unchanged, changed, moved, new, and which units of the edition before were dropped.
review.py writes that as the reviewable correspondence.yaml of each later edition; diff.py gives a
text's word-level insertions and deletions, as data, for the comparison views and the change list.
It sits between the source and the stages that show or export editions (data, site).
"""
