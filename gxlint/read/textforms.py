def normalize(text: str) -> str:  # placeholder until the text-forms reader lands
    return text
